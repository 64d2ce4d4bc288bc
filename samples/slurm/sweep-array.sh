#!/usr/bin/env bash
# A DeterrenceSim sweep as a Slurm job array: each array task runs one shard of the design (--shard is read from
# SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT), writing its own file and sidecar; when all
# tasks are done, join them with
#
#   deterrence-sim merge "$RESULTS"/shard-*.csv --output "$RESULTS"/sweep.csv
#
# The merged file is identical to a single-process run of the same sweep. A task that is preempted or requeued
# continues where it stopped (--resume).
#
# Submit:  sbatch --array=0-2 samples/slurm/sweep-array.sh          (3 shards; any contiguous range works)
# Settings (environment, all optional):
#   DETERRENCE_SIM  the command that runs the CLI (default: deterrence-sim; e.g. "dotnet /opt/ds/deterrence-sim.dll")
#   RESULTS         the folder for shard outputs and logs (default: results), on a file system every node sees
#   ROUNDS, REPLICATIONS, SEED   per point: rounds per replication, replications, master seed
#
# The sweep: engagement (the signals of the NATO-Asia-Pacific partnerships) against the challenger's and the
# defender's credulity, in the East China Sea crisis of the embedded indo-pacific-2023 scenario.
#SBATCH --job-name=deterrence-sweep
#SBATCH --array=0-2
#SBATCH --cpus-per-task=1
#SBATCH --output=deterrence-sweep-%A_%a.log
set -euo pipefail

read -r -a cli <<<"${DETERRENCE_SIM:-deterrence-sim}"
results=${RESULTS:-results}
mkdir -p "$results"

"${cli[@]}" sweep \
  --scenario indo-pacific-2023 --crisis east-china-sea \
  --vary 'commitments.Partnership.signal=0.1:0.9:5' \
  --vary 'states.CHN.perception.credulity=0:1:5' \
  --vary 'states.JPN.perception.credulity=0:1:3' \
  --design grid \
  --rounds "${ROUNDS:-20000}" --replications "${REPLICATIONS:-20}" --seed "${SEED:-2023}" \
  --threads "${SLURM_CPUS_PER_TASK:-1}" \
  --output "$results/shard-${SLURM_ARRAY_TASK_ID:?run this script with sbatch --array}.csv" \
  --resume
