#!/usr/bin/env bash
# Packs the command line as a .NET tool (DeterrenceSim.Cli, a pre-release 0.1.0-ci.<time>) into a local feed, installs
# it into a fresh tool path with a fresh NuGet cache, as `dotnet tool install` does for a user, and runs the installed
# deterrence-sim command on the embedded scenario. A failed pack, install or run fails CI.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/tool.XXXXXX)
prefix=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
suffix="ci.$(date -u +%Y%m%d%H%M%S)"
echo "tool: packing DeterrenceSim.Cli $prefix-$suffix" >&2
dotnet pack samples/DeterrenceSim.Cli -c Release -o "$work/feed" -p:VersionSuffix="$suffix" --nologo -v quiet
export NUGET_PACKAGES="$work/packages"
dotnet tool install --tool-path "$work/bin" DeterrenceSim.Cli --version "$prefix-$suffix" --add-source "$work/feed"
"$work/bin/deterrence-sim" run --rounds 1000 --format json > "$work/run.json"
grep -q '"rounds": 1000' "$work/run.json" || { echo "tool: the installed command did not run" >&2; exit 1; }
"$work/bin/deterrence-sim" --help | head -3
echo "tool: installed and ran deterrence-sim $prefix-$suffix" >&2
rm -rf "$work"
