#!/usr/bin/env bash
# Proves the sample Slurm job array on a real one-node Slurm cluster: starts the cluster (.ci/slurm-cluster.sh),
# submits samples/slurm/sweep-array.sh as an array of 3 tasks with a small round count, waits, merges the shards
# and checks that the merged file is byte-identical to a single-process run of the same sweep. Needs root
# (CI runs as root) and a built CLI (dotnet build -c Release).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
cli="dotnet $root/samples/DeterrenceSim.Cli/bin/Release/net10.0/deterrence-sim.dll"
work=$(mktemp -d /tmp/slurm-sweep.XXXXXX)
trap '.ci/slurm-cluster.sh down || true' EXIT

.ci/slurm-cluster.sh up

export DETERRENCE_SIM="$cli" RESULTS="$work/results" ROUNDS=2000 REPLICATIONS=3 SEED=7 DOTNET_CLI_HOME="${DOTNET_CLI_HOME:-$HOME}"
job=$(sbatch --parsable --array=0-2 --chdir="$work" --export=ALL --output="$work/task-%a.log" samples/slurm/sweep-array.sh)
echo "slurm-sweep: submitted job array $job"
for _ in $(seq 1 300); do
  [ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && break
  sleep 1
done
[ -z "$(squeue -h -j "$job" 2>/dev/null)" ] || { echo "slurm-sweep: job $job still queued after 300 s" >&2; squeue; exit 1; }
for i in 0 1 2; do
  echo "--- task $i"; cat "$work/task-$i.log"
  [ -f "$RESULTS/shard-$i.csv" ] || { echo "slurm-sweep: task $i wrote no shard" >&2; exit 1; }
done

$cli merge "$RESULTS"/shard-0.csv "$RESULTS"/shard-1.csv "$RESULTS"/shard-2.csv --output "$work/merged.csv"

# The same sweep in one process: the job script with a fixed output and no array variables.
sed -e 's|--output "[^"]*"|--output "'"$work"'/single.csv"|' samples/slurm/sweep-array.sh > "$work/single.sh"
env -u SLURM_ARRAY_TASK_ID bash "$work/single.sh"
cmp "$work/merged.csv" "$work/single.csv"
echo "slurm-sweep: merged shards of job $job equal a single-process run ($(wc -l < "$work/merged.csv") lines)"
rm -rf "$work"
