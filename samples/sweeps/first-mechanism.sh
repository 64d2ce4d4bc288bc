#!/usr/bin/env bash
# Where does Shifrinson's first mechanism fire? China, reading NATO and its Asia-Pacific partners as one bloc
# (perceived cohesion), overrating NATO's reach into East Asia (perceived reach) and expecting the partnerships to
# become what their signals say within a year (anticipated commitment), strikes Japan preventively before the window
# closes (Powell 2006). The sweep starts from the embedded variant `shifrinson-preventive` and varies China's reach and
# anticipation against China's cost of war (Japan's at the variant's 0.02), 5 replications of 2,000 rounds at each of
# the 4,851 points (common random numbers), then three heatmaps:
#   first-mechanism-preventive.png   the preventive-war rate over cost and reach (anticipation 1)
#   first-mechanism-shapley.png      the Shapley share of China's perception of the opposing coalition (its
#                                    contribution to the war rate) over the same grid
#   first-mechanism-anticipation.png the preventive-war rate over cost and anticipation (reach 0.75)
#
#   samples/sweeps/first-mechanism.sh [OUTPUT_FOLDER]      (default: samples/sweeps)
#
# 49 million rounds: about 10 s on a 2-core Xeon VM (2026-12-07), plus `dotnet run`'s build check unless
# DETERRENCE_SIM is set.
#
# DETERRENCE_SIM is the command that runs the CLI (default: dotnet run --project samples/DeterrenceSim.Cli -c Release --).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-samples/sweeps}
read -r -a cli <<<"${DETERRENCE_SIM:-dotnet run --project samples/DeterrenceSim.Cli -c Release --}"
mkdir -p "$out"
rm -rf "$out/first-mechanism.parquet" "$out/first-mechanism.parquet.sweep.json" "$out/first-mechanism.parquet.partial"

"${cli[@]}" sweep --scenario indo-pacific-2023 --crisis east-china-sea --variant shifrinson-preventive \
  --vary 'states.CHN.perception.reach=0:1:21' \
  --vary 'states.CHN.perception.anticipation=0:1:11' \
  --vary 'crises.east-china-sea.challengerCost=0:0.1:21' \
  --rounds 2000 --replications 5 --seed 2023 \
  --output "$out/first-mechanism.parquet"

"${cli[@]}" plot "$out/first-mechanism.parquet" --x crises.east-china-sea.challengerCost --y states.CHN.perception.reach \
  --at states.CHN.perception.anticipation=1 --z preventive --output "$out/first-mechanism-preventive.png" --force
"${cli[@]}" plot "$out/first-mechanism.parquet" --x crises.east-china-sea.challengerCost --y states.CHN.perception.reach \
  --at states.CHN.perception.anticipation=1 --z shapley.challenger.opponentCredulity \
  --output "$out/first-mechanism-shapley.png" --force
"${cli[@]}" plot "$out/first-mechanism.parquet" --x crises.east-china-sea.challengerCost --y states.CHN.perception.anticipation \
  --at states.CHN.perception.reach=0.75 --z preventive --output "$out/first-mechanism-anticipation.png" --force
