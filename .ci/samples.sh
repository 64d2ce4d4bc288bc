#!/usr/bin/env bash
# Proves the three ways researchers use DeterrenceSim, each with the real client and the freshly packed package:
#   1. the .NET 10 file-based app samples/scripts/quickstart.cs (dotnet run, #:package), and
#      samples/scripts/who-makes-the-offer.cs, a user-defined bargaining protocol in 36 lines,
#   2. the C# Jupyter notebook samples/notebooks/quickstart.ipynb (Jupyter's nbconvert with the .NET Interactive kernel,
#      #r "nuget:"),
#   3. the Python notebook samples/notebooks/analysis-python.ipynb (nbconvert, pandas and matplotlib over the CLI's CSV).
# The package is packed as a pre-release (VersionSuffix ci.<time>) into a local feed; a fresh NUGET_PACKAGES folder and a
# nuget.config naming that feed and nuget.org make every client resolve the new package, never a cached one. The samples
# run on temporary copies whose version lines name the pre-release. A failing cell or a non-zero exit fails CI. The C#
# samples' war-rate band is checked against the 95% t-interval recomputed from the CLI's CSV of the same sweep
# (.ci/check-sample-intervals.py).
# Needs root and apt-get (Debian) for Jupyter; builds the CLI itself.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/samples.XXXXXX)
say() { echo "samples: $*" >&2; }

version_prefix=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
version="$version_prefix-ci.$(date -u +%Y%m%d%H%M%S)"
say "packing DeterrenceSim $version"
dotnet pack src/DeterrenceSim -c Release -o "$work/feed" -p:VersionSuffix="${version#"$version_prefix"-}" --nologo -v quiet
dotnet pack src/DeterrenceSim.Parquet -c Release -o "$work/feed" -p:VersionSuffix="${version#"$version_prefix"-}" --nologo -v quiet
ls "$work/feed"
cat > "$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CONFIG
export NUGET_PACKAGES="$work/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The sweep both C# samples run, from the CLI: the reference for their intervals.
dotnet build samples/DeterrenceSim.Cli -c Release --nologo -v quiet
cli=(dotnet "$root/samples/DeterrenceSim.Cli/bin/Release/net10.0/deterrence-sim.dll")
"${cli[@]}" sweep --crisis east-china-sea --vary states.JPN.perception.credulity=0:1:6 --rounds 50000 --replications 5 \
  --seed 42 --output "$work/credulity.csv"

say "1. file-based app"
mkdir -p "$work/scripts"
cp samples/scripts/Directory.Build.props samples/scripts/Directory.Packages.props "$work/scripts/"
sed "s/^#:package DeterrenceSim@.*/#:package DeterrenceSim@$version/" samples/scripts/quickstart.cs > "$work/scripts/quickstart.cs"
cp "$work/nuget.config" "$work/scripts/"
(cd "$work/scripts" && dotnet run quickstart.cs) | tee "$work/scripts/quickstart.out"
[ -s "$work/scripts/war-risk-vs-defender-credulity.png" ] || { say "the script wrote no plot"; exit 1; }
if command -v python3 >/dev/null; then
  python3 .ci/check-sample-intervals.py "$work/credulity.csv" "$work/scripts/quickstart.out"
else
  say "python3 not found: the script's intervals are not checked"
fi

say "1b. file-based app with a user-defined bargaining protocol (issue 11, item 8)"
sed "s/^#:package DeterrenceSim@.*/#:package DeterrenceSim@$version/" samples/scripts/who-makes-the-offer.cs > "$work/scripts/who-makes-the-offer.cs"
(cd "$work/scripts" && dotnet run who-makes-the-offer.cs) | tee "$work/scripts/who-makes-the-offer.out"
for crisis in east-china-sea korean-peninsula baltic; do
  grep -q "^$crisis " "$work/scripts/who-makes-the-offer.out" || { say "the protocol sample printed no row for $crisis"; exit 1; }
done

say "1c. Parquet is its own package: without DeterrenceSim.Parquet a .parquet output is refused up front; with it, written"
mkdir -p "$work/parquet-without" "$work/parquet-with"
cat > "$work/parquet-without/app.cs" <<APP
#:package DeterrenceSim@$version
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
var scenario = DeterrenceSim.Scenarios.ScenarioLoader.LoadEmbedded("indo-pacific-2023");
var sweep = new Sweep(scenario, ExperimentDesign.Grid(Factor.Parse("states.JPN.perception.credulity=0:1:2")), new SweepOptions { Rounds = 1000, Replications = 1 });
try { SweepFile.Run(sweep, "out.parquet"); Console.WriteLine("written"); }
catch (SweepFileException e) { Console.WriteLine(e.Message); }
Console.WriteLine(File.Exists("out.parquet") ? "file exists" : "no file");
APP
sed "s/^#:package DeterrenceSim@.*/&\n#:package DeterrenceSim.Parquet@$version/" "$work/parquet-without/app.cs" > "$work/parquet-with/app.cs"
(cd "$work/parquet-without" && dotnet run app.cs) > "$work/parquet-without/out.txt"
grep -q "need the package DeterrenceSim.Parquet" "$work/parquet-without/out.txt" && grep -q "^no file$" "$work/parquet-without/out.txt" \
  || { say "without DeterrenceSim.Parquet: expected a refusal and no file, found: $(cat "$work/parquet-without/out.txt")"; exit 1; }
(cd "$work/parquet-with" && dotnet run app.cs) > "$work/parquet-with/out.txt"
grep -q "^written$" "$work/parquet-with/out.txt" && grep -q "^file exists$" "$work/parquet-with/out.txt" \
  || { say "with DeterrenceSim.Parquet: expected the file, found: $(cat "$work/parquet-with/out.txt")"; exit 1; }

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  say "needs root and apt-get for Jupyter: notebooks skipped"
  exit 0
fi

say "installing Jupyter (nbconvert, nbclient, ipykernel), pandas and matplotlib from Debian"
missing=()
for p in jupyter-nbconvert python3-nbclient python3-ipykernel python3-pandas python3-matplotlib; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "${missing[@]}" >"$work/apt.log" 2>&1 \
    || { apt-get update -q >>"$work/apt.log" 2>&1 && apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$work/apt.log" 2>&1; } \
    || { tail -20 "$work/apt.log"; exit 1; }
fi
# Debian's python3 is the one with these modules (a pyenv python may come first on PATH).
jupyter=(/usr/bin/python3 -m jupyter)

say "2. C# notebook with the .NET Interactive kernel"
mkdir -p "$work/notebooks"
cp "$work/nuget.config" "$work/notebooks/"
# The SDK's tool resolver cache remembers where an earlier run restored this version (a NUGET_PACKAGES folder since
# deleted) and would send `dotnet tool run` there: forget it, so the tool is restored into this run's packages.
rm -f "${DOTNET_CLI_HOME:-$HOME}"/.dotnet/toolResolverCache/*/microsoft.dotnet-interactive
(cd "$work" && dotnet new tool-manifest --force >/dev/null && dotnet tool install Microsoft.dotnet-interactive --version 1.0.712001 >/dev/null)
mkdir -p "$HOME/.local/share/jupyter/kernels"
(cd "$work" && dotnet tool run dotnet-interactive -- jupyter install)
sed "s/nuget: DeterrenceSim, [0-9A-Za-z.+-]*/nuget: DeterrenceSim, $version/" samples/notebooks/quickstart.ipynb > "$work/notebooks/quickstart.ipynb"
grep -q "DeterrenceSim, $version" "$work/notebooks/quickstart.ipynb" || { say "could not set the package version in the notebook copy"; exit 1; }
(cd "$work/notebooks" && "${jupyter[@]}" nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
  --output executed-quickstart.ipynb quickstart.ipynb)
# The package's notebook extension must have rendered the bare `result` cell as an HTML table.
/usr/bin/python3 - "$work/notebooks/executed-quickstart.ipynb" <<'PY'
import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
cell = next(c for c in cells if "".join(c["source"]).strip() == "result")
html = "".join("".join(o.get("data", {}).get("text/html", "")) for o in cell["outputs"])
assert "deterrencesim-result" in html, "the extension did not render the result: " + html[:300]
print("samples: the notebook extension rendered the result as a table")
PY
/usr/bin/python3 .ci/check-sample-intervals.py "$work/credulity.csv" "$work/notebooks/executed-quickstart.ipynb"

say "3. Python notebook over the CLI's output"
cp samples/notebooks/analysis-python.ipynb "$work/notebooks/"
(cd "$work/notebooks" && DETERRENCE_SIM="dotnet $root/samples/DeterrenceSim.Cli/bin/Release/net10.0/deterrence-sim.dll" \
  "${jupyter[@]}" nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
  --output executed-analysis-python.ipynb analysis-python.ipynb)

say "all three samples ran against DeterrenceSim $version"
rm -rf "$work"
