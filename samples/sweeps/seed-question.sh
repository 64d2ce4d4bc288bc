#!/usr/bin/env bash
# The seed question as a sweep: does engagement - the signals of NATO's Asia-Pacific partnerships - deter China in
# the East China Sea, or provoke, and how does the answer depend on how credulous the challenger (China) and the
# defender (Japan) are about such signals? A full factorial grid over the three, 20 replications of 20,000 rounds at
# each of its 225 points (common random numbers: every point sees the same draws), then two heatmaps.
#
#   samples/sweeps/seed-question.sh [OUTPUT_FOLDER]      (default: samples/sweeps)
#
# 90 million rounds: about 4 s on a 2-core Xeon VM (2026-12-07; the sweep 2.5 s, the rest plots and start-up); each
# `dotnet run` adds its build check (a few seconds) unless DETERRENCE_SIM is set.
#
# DETERRENCE_SIM is the command that runs the CLI (default: dotnet run --project samples/DeterrenceSim.Cli -c Release --).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-samples/sweeps}
read -r -a cli <<<"${DETERRENCE_SIM:-dotnet run --project samples/DeterrenceSim.Cli -c Release --}"
mkdir -p "$out"
rm -rf "$out/seed-question.parquet" "$out/seed-question.parquet.sweep.json" "$out/seed-question.parquet.partial"

"${cli[@]}" sweep --scenario indo-pacific-2023 --crisis east-china-sea \
  --vary 'commitments.Partnership.signal=0.1:0.9:9' \
  --vary 'states.CHN.perception.credulity=0:1:5' \
  --vary 'states.JPN.perception.credulity=0:1:5' \
  --rounds 20000 --replications 20 --seed 2023 \
  --output "$out/seed-question.parquet"

# War risk against engagement and the challenger's credulity (Japan at its scenario value, 0.5) ...
"${cli[@]}" plot "$out/seed-question.parquet" --x commitments.Partnership.signal --y states.CHN.perception.credulity \
  --at states.JPN.perception.credulity=0.5 --z war --output "$out/war-engagement-challenger-credulity.png" --force
# ... and against engagement and the defender's credulity (China at its scenario value, 0.5).
"${cli[@]}" plot "$out/seed-question.parquet" --x commitments.Partnership.signal --y states.JPN.perception.credulity \
  --at states.CHN.perception.credulity=0.5 --z war --output "$out/war-engagement-defender-credulity.png" --force
