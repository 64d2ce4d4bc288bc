#!/usr/bin/env bash
# Byte-identity check for refactorings that must not change behaviour (issue 11): a fixed set of CLI commands - run on
# the three crises of the embedded scenario, a preventive setting, supporter noise, simulate with its rows, a sweep to
# CSV and Parquet, a sensitivity run - and the SHA-256 of each output, compared with tests/golden/cli-outputs.sha256.
#
#   .ci/byte-identity.sh            compare (exit 1 naming each output that differs)
#   .ci/byte-identity.sh --update   record the current outputs as the reference (after a change meant to alter them,
#                                   such as a new key or a version bump: say why in the commit)
#
# Threads are fixed (-t 2) because the JSON documents record them; every output is otherwise machine-independent.
# Uses the Release build of the CLI (build first).
set -euo pipefail
cd "$(dirname "$0")/.."
reference=tests/golden/cli-outputs.sha256
dll=samples/DeterrenceSim.Cli/bin/Release/net10.0/deterrence-sim.dll
[ -f "$dll" ] || { echo "byte-identity: build the CLI first (dotnet build -c Release)" >&2; exit 2; }
out=$(mktemp -d /tmp/byte-identity.XXXXXX)
trap 'rm -rf "$out"' EXIT
cli() { dotnet "$dll" "$@"; }

for crisis in east-china-sea korean-peninsula baltic; do
  cli run -n 200000 -t 2 --seed 11 --crisis "$crisis" -f json > "$out/run-$crisis.json"
  cli run -n 200000 -t 2 --seed 11 --crisis "$crisis" -f csv > "$out/run-$crisis.csv"
done
cli run -n 100000 -t 2 --seed 11 > "$out/run-table.txt"
# A preventive setting (model-review.md): US projection 1, an ambiguous US tie that surges, a credulous challenger,
# low costs, no growth: most rounds are preventive wars.
cli run -n 100000 -t 2 --seed 12 -f json --set crises.east-china-sea.theatre.projection.USA=1 \
  --set 'commitments.USA>JPN.reliability=0.3' --set 'commitments.USA>JPN.signal=0.3' \
  --set 'commitments.USA>JPN.deepening.signal=0.69' --set states.CHN.perception.credulity=1 \
  --set crises.east-china-sea.challengerCost=0.05 --set crises.east-china-sea.defenderCost=0.05 \
  --set 'states.*.growthRate=0' > "$out/run-preventive.json"
cli run -n 100000 -t 2 --seed 13 -f json --set 'states.*.perception.supporterNoise=0.5' > "$out/run-supporter-noise.json"
cli simulate -r 40 -p 10 -t 2 --seed 14 -f json -o "$out/simulate-rows.csv" > "$out/simulate.json"
cli simulate -r 40 -p 10 -t 2 --seed 14 -f csv -o "$out/simulate-rows.parquet" > "$out/simulate.csv"
cli sweep --vary 'commitments.Partnership.signal=0.1:0.9:3' --vary states.JPN.perception.credulity=0:1:3 \
  -r 3 -n 5000 -t 2 --seed 15 -o "$out/sweep-grid.csv" 2>/dev/null
cli sweep --vary states.CHN.perception.credulity=0:1 --vary states.CHN.perception.noise=0.2:1 --design lhs --samples 20 \
  -r 2 -n 5000 -t 2 --seed 16 -o "$out/sweep-lhs.parquet" 2>/dev/null
cli sweep --vary states.CHN.perception.credulity=0:1 --vary states.CHN.perception.noise=0.2:1 --design lhs --samples 20 \
  -r 2 -n 5000 -t 2 --seed 16 -o "$out/sweep-lhs.csv" 2>/dev/null
cli sweep --vary 'alliances.NATO.preferences.FRA.support=0:1:2' --periods 5 -r 4 -t 2 --seed 17 \
  -o "$out/sweep-periods.csv" 2>/dev/null
cli sensitivity --vary states.CHN.perception.credulity=0:1 --vary states.JPN.perception.credulity=0:1 --samples 16 \
  -n 2000 -t 2 --seed 18 -f json > "$out/sensitivity.json" 2>/dev/null

# Sweep CSVs gained the columns trials and NAME_count at their end (issue 11, item 1; columns are only added): their
# columns up to error are compared, so the recorded hashes still prove the rates unchanged. The Parquet sweep's hash was
# recorded again with those columns (its rows equal the CSV's: SweepFileTests). Likewise when the mechanism columns
# (butFor.F, shapley.F, ..., shapley.rational_count) were added after any reporters' (issue 12, formatVersion 3).
for f in "$out"/sweep-*.csv; do
  awk -F, 'NR == 1 { last = NF; for (i = 1; i <= NF; i++) if ($i == "trials") last = i - 1 }
           { line = $1; for (i = 2; i <= last; i++) line = line "," $i; print line }' "$f" > "$f.columns" && mv "$f.columns" "$f"
done

# Sidecars hold times and the machine: only the results are compared.
actual=$(cd "$out" && find . -type f ! -name '*.json.tmp*' ! -name '*.sweep.json' ! -name '*.simulate.json' -printf '%P\n' | LC_ALL=C sort | xargs sha256sum)
if [ "${1:-}" = "--update" ]; then
  printf '%s\n' "$actual" > "$reference"
  echo "byte-identity: recorded $(wc -l < "$reference") outputs in $reference"
  exit 0
fi
if diff <(printf '%s\n' "$actual") "$reference" > "$out/diff"; then
  echo "byte-identity: all $(wc -l < "$reference") outputs are byte-identical to $reference"
else
  echo "byte-identity: outputs differ from $reference (< now, > recorded):" >&2
  cat "$out/diff" >&2
  exit 1
fi
