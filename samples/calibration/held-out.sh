#!/usr/bin/env bash
# Issue 14's held-out validation: calibrate noise, cost and dissatisfaction to the militarized disputes of 1816-1944
# (GML MID 2.2.1, 637 disputes placed as crises), predict 1945-2010 from that posterior, and calibrate 1945-2010 on its
# own for comparison; corner plots of both posteriors.
#
#   samples/calibration/held-out.sh [OUTPUT_FOLDER]      (default: samples/calibration)
#
# About 10 s on a 2-core Xeon VM (2026-12-07), plus `dotnet run`'s build check unless DETERRENCE_SIM is set.
# DETERRENCE_SIM is the command that runs the CLI (default: dotnet run --project samples/DeterrenceSim.Cli -c Release --).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-samples/calibration}
read -r -a cli <<<"${DETERRENCE_SIM:-dotnet run --project samples/DeterrenceSim.Cli -c Release --}"
mkdir -p "$out"

"${cli[@]}" calibrate --population gml-mid --from 1816 --to 1944 --seed 1 --force \
  --output "$out/posterior-1816-1944.json" --plot "$out/posterior-1816-1944.png" > "$out/calibrate-1816-1944.txt"
"${cli[@]}" predict --population gml-mid --from 1945 --to 2010 --posterior "$out/posterior-1816-1944.json" --seed 1 \
  --format csv > "$out/predict-1945-2010.csv"
"${cli[@]}" calibrate --population gml-mid --from 1945 --to 2010 --seed 1 --force \
  --output "$out/posterior-1945-2010.json" --plot "$out/posterior-1945-2010.png" > "$out/calibrate-1945-2010.txt"
cat "$out/predict-1945-2010.csv"
