#!/usr/bin/env bash
# Whole-process speed per round: DeterrenceSim's CLI against two NumPy implementations of the same round
# (issue 16: "at least 100x NumPy per round, whole process, the 38-supporter synthetic crisis, one thread, start-up
# amortised over 50 million rounds"). A benchmark, not a test: never run by .ci/run.
#   tools/numpy-comparison.sh                                   # 50M rounds each, 3 repetitions
#   ROUNDS=50000000 NUMPY_ROUNDS=5000000 REPEAT=5 SEED=1 tools/numpy-comparison.sh
#   NO_BUILD=1 tools/numpy-comparison.sh                        # use the CLI as built
#   PER_ROUND_ROUNDS=50000000 tools/numpy-comparison.sh          # the per-round NumPy over as many rounds (~4 min each)
# Each side runs as a whole process under /usr/bin/time on one thread: the CLI
#   dotnet .../deterrence-sim.dll run --scenario benchmarks/numpy/synthetic-38.json --rounds N --threads 1 --format json
# and benchmarks/numpy/round.py twice: rounds in batches (vectorised across rounds), and --per-round (a Python loop
# over rounds, NumPy within the round: the kind of implementation the issue's 3.6 us a round was measured on; over
# PER_ROUND_ROUNDS rounds, 2 million by default, where its start-up of ~0.1 s is 1%) (numpy's default_rng, PCG64;
# OPENBLAS/OMP/MKL threads 1). It prints
# ns/round from the wall time (best and median of REPEAT) and from the CPU time (user + sys), the ratio NumPy / C#,
# and each side's outcome rates with 95% Wilson intervals and the z of their difference: both play the same model,
# so |z| stays small; the war rate is also compared with its exact value, by quadrature over the optimism shocks
# (round.py --exact). The script fails, exit 3, when some |z| > 4. The machine's load (uptime) is printed before and
# after: wall times on a busy machine are not speeds. Needs the .NET SDK and NumPy (Debian: apt-get install -y
# python3-numpy, which installs it for /usr/bin/python3; PYTHON=... names another interpreter).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-50000000}
NUMPY_ROUNDS=${NUMPY_ROUNDS:-$ROUNDS}
PER_ROUND_ROUNDS=${PER_ROUND_ROUNDS:-2000000} # round.py --per-round: ~5 us a round here, so 2M take ~10 s (0 skips it)
REPEAT=${REPEAT:-3}
SEED=${SEED:-1}
scenario=benchmarks/numpy/synthetic-38.json
cli=samples/DeterrenceSim.Cli/bin/Release/net10.0/deterrence-sim.dll
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMEXPR_NUM_THREADS=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for name in ROUNDS NUMPY_ROUNDS REPEAT PER_ROUND_ROUNDS; do
  value=${!name}
  least=1; [ "$name" = PER_ROUND_ROUNDS ] && least=0
  if ! [[ "$value" =~ ^[0-9]{1,16}$ ]] || [ "$value" -lt "$least" ]; then # 16 digits: past 2^53 the CLI refuses anyway
    echo "$name: expected an integer of at least $least, found '$value'" >&2
    exit 2
  fi
done

python=
if [ -n "${PYTHON:-}" ]; then
  # An interpreter named is used or refused, never replaced by another.
  if command -v "$PYTHON" >/dev/null && "$PYTHON" -c 'import numpy' 2>/dev/null; then python=$PYTHON; else
    echo "PYTHON=$PYTHON: not an interpreter with NumPy" >&2
    exit 1
  fi
fi
for p in python3 /usr/bin/python3; do
  [ -n "$python" ] && break
  if command -v "$p" >/dev/null && "$p" -c 'import numpy' 2>/dev/null; then python=$p; break; fi
done
if [ -z "$python" ]; then
  echo "NumPy not found for ${PYTHON:-python3} or /usr/bin/python3: install it (Debian: apt-get install -y python3-numpy;" >&2
  echo "elsewhere: pip install numpy) or name an interpreter that has it with PYTHON=..." >&2
  exit 1
fi
[ -x /usr/bin/time ] || { echo "/usr/bin/time is required (Debian: apt-get install -y time)" >&2; exit 1; }
if [ -z "${NO_BUILD:-}" ]; then dotnet build -c Release samples/DeterrenceSim.Cli -v q -nologo >&2; fi

out=$(mktemp -d /tmp/numpy-comparison.XXXXXX)
trap 'rm -rf "$out"' EXIT
echo "load before: $(uptime)"
echo "C#: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src samples || echo ' (modified)'), $(dotnet --list-runtimes | grep NETCore.App | tail -1)"
echo "NumPy: $("$python" -c 'import numpy, sys; print(numpy.__version__, "on Python", sys.version.split()[0])') ($python)"
for i in $(seq "$REPEAT"); do
  /usr/bin/time -f '%e %U %S' -o "$out/cs.$i.time" dotnet "$cli" run --scenario "$scenario" --rounds "$ROUNDS" \
    --seed "$SEED" --threads 1 --format json > "$out/cs.json" 2> "$out/cs.err" || { cat "$out/cs.err" >&2; exit 1; }
  /usr/bin/time -f '%e %U %S' -o "$out/np.$i.time" "$python" benchmarks/numpy/round.py --scenario "$scenario" \
    --rounds "$NUMPY_ROUNDS" --seed "$SEED" --format json > "$out/np.json"
  if [ "$PER_ROUND_ROUNDS" -gt 0 ]; then
    /usr/bin/time -f '%e %U %S' -o "$out/np1.$i.time" "$python" benchmarks/numpy/round.py --scenario "$scenario" \
      --rounds "$PER_ROUND_ROUNDS" --seed "$SEED" --per-round --format json > "$out/np1.json"
  fi
done
echo "load after:  $(uptime)"
"$python" benchmarks/numpy/round.py --scenario "$scenario" --rounds 1 --exact --format json > "$out/exact.json"

"$python" - "$out" "$REPEAT" <<'EOF'
import json, math, statistics, sys
out, repeat = sys.argv[1], int(sys.argv[2])
import os
names = {"cs": "C# CLI (--threads 1)", "np": "NumPy round.py (batches)", "np1": "NumPy round.py --per-round"}
short = {"cs": "C#", "np": "NumPy, batches", "np1": "NumPy, per round"}
docs = {k: json.load(open(f"{out}/{k}.json")) for k in names if os.path.exists(f"{out}/{k}.json")}
def times(k):
    rows = [list(map(float, open(f"{out}/{k}.{i}.time").read().split()[-3:])) for i in range(1, repeat + 1)]
    n = docs[k]["rounds"]
    wall = [r[0] * 1e9 / n for r in rows]
    cpu = [(r[1] + r[2]) * 1e9 / n for r in rows]
    return min(wall), statistics.median(wall), min(cpu)
t = {k: times(k) for k in docs}
short_runs = [names[k] for k in docs if t[k][0] * docs[k]["rounds"] / 1e9 < 1]
if short_runs:
    print("\nwarning: " + ", ".join(short_runs) + " ran for less than 1 s: start-up (about 0.3 s for C#, 0.1 s for "
          "Python) is not amortised, so the times and ratios below are not speeds (the issue's setting: ROUNDS=50000000)")
print(f"\n{'ns/round':28} {'wall best':>10} {'wall median':>12} {'CPU best':>10}   rounds")
for k in docs:
    print(f"{names[k]:28} {t[k][0]:10.1f} {t[k][1]:12.1f} {t[k][2]:10.1f}   {docs[k]['rounds']:,}")
for k in docs:
    if k == "cs":
        continue
    print(f"{'ratio ' + short[k] + ' / C#':28} {t[k][0] / t['cs'][0]:10.2f} {t[k][1] / t['cs'][1]:12.2f} {t[k][2] / t['cs'][2]:10.2f}")
    r = t[k][0] / t["cs"][0]
    print(f"  C# per round is {r:.2f}x the speed of {names[k]} (best wall times; the issue's target is at least 100x)" if r >= 1
          else f"  {names[k]} per round is {1 / r:.2f}x the C# CLI's speed (best wall times; the issue's target is C# at least 100x)")

others = [k for k in docs if k != "cs"]
print(f"\n{'rate (95% Wilson interval)':26} {'C#':>34}" + "".join(f" {short[k]:>34} {'z':>6}" for k in others))
worst = 0.0
for key in ("deterred", "concession", "war", "challengerVictoryGivenWar"):
    iv = {k: (docs[k]["outcomes"][key] if key in docs[k]["outcomes"] else docs[k][key]) for k in docs}
    n = {k: docs[k]["rounds"] if key != "challengerVictoryGivenWar" else docs[k]["outcomes"]["war"]["count"] for k in docs}
    if min(n.values()) == 0:
        continue
    p = {k: iv[k]["count"] / n[k] for k in docs}
    cell = {k: f"{p[k]:.5f} [{iv[k]['lower']:.5f}, {iv[k]['upper']:.5f}]" for k in docs}
    line = f"{key:26} {cell['cs']:>34}"
    for k in others:
        se = math.sqrt(p[k] * (1 - p[k]) / n[k] + p["cs"] * (1 - p["cs"]) / n["cs"])
        z = (p[k] - p["cs"]) / se if se > 0 else 0.0
        worst = max(worst, abs(z))
        line += f" {cell[k]:>34} {z:6.2f}"
    print(line)
exact = json.load(open(f"{out}/exact.json"))["exactWar"]
zs = {k: (docs[k]["outcomes"]["war"]["count"] / docs[k]["rounds"] - exact)
      / math.sqrt(exact * (1 - exact) / docs[k]["rounds"]) for k in docs}
worst = max([worst] + [abs(z) for z in zs.values()])
print(f"{'war, exact by quadrature':26} {exact:34.5f}   z: " + ", ".join(f"{names[k]} {zs[k]:.2f}" for k in docs))
if worst > 4:
    print(f"the two implementations disagree (|z| = {worst:.1f} > 4): not the same model", file=sys.stderr)
    sys.exit(3)
EOF
