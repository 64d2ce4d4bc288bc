#!/usr/bin/env bash
# RoundThroughput before and after in ONE BenchmarkDotNet run (issue 11, item 8: "no slower beyond noise"):
#   tools/benchmark-before-after.sh BASELINE_COMMIT [BenchmarkDotNet arguments...]
#   tools/benchmark-before-after.sh 80f9aeb                  # default job: for the timing, on a quiet machine
#   tools/benchmark-before-after.sh 80f9aeb --job short      # quicker, wider error bars
#   tools/benchmark-before-after.sh 80f9aeb --job Dry        # proves the set-up works; says nothing about speed
# Packs the library at BASELINE_COMMIT (a temporary git worktree) as DeterrenceSim <prefix>-baseline-<sha> into
# artifacts/baseline-feed, then runs benchmarks/DeterrenceSim.Benchmarks with --baseline that version: two jobs,
# `before` (built against that package, /p:DeterrenceSimBaseline=VERSION) and `after` (this checkout's source), in one
# run, so the summary's Ratio column is after / before. The benchmarks use only public API that both versions have.
# The default filter is '*RoundThroughput*'; pass --filter to choose others. Results: BenchmarkDotNet.Artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
commit=${1:?usage: tools/benchmark-before-after.sh BASELINE_COMMIT [BenchmarkDotNet arguments...]}
shift
sha=$(git rev-parse --short=12 "$commit^{commit}")
tree=$(mktemp -d /tmp/deterrencesim-baseline.XXXXXX)
cleanup() { git worktree remove --force "$tree" 2>/dev/null || rm -rf "$tree"; git worktree prune; }
trap cleanup EXIT
git worktree add --detach --quiet "$tree" "$sha"

# An isolated NuGet packages folder: a DeterrenceSim package packed locally before (tools/pack-local.sh, CI's samples)
# and left in ~/.nuget/packages made the `before` job load a DeterrenceSim without today's types
# (TypeLoadException: Could not load type 'DeterrenceSim.Engine.RoundOptions'), so the comparison runs with its own
# folder (the first run restores BenchmarkDotNet and the other packages into it).
export NUGET_PACKAGES="$root/artifacts/baseline-packages"

# Only this baseline in the feed and in that folder: with older baselines beside it, a `before` job once ran another
# build than the one named (MissingMethodException for today's API in some benchmarks, an older build's timings in the
# others; 2026-12-07). Packing one again costs seconds.
rm -f "$root/artifacts/baseline-feed/"DeterrenceSim.*-baseline-*.nupkg "$root/artifacts/baseline-feed/"DeterrenceSim.*-baseline-*.snupkg
rm -rf "$NUGET_PACKAGES/deterrencesim"

# The baseline's own version prefix; the suffix names the commit, so a NuGet cache never serves another build under it.
prefix=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$tree/Directory.Build.props")
version="$prefix-baseline-$sha"
echo "benchmark-before-after: packing DeterrenceSim $version from $sha" >&2
dotnet pack "$tree/src/DeterrenceSim" -c Release -o "$root/artifacts/baseline-feed" -p:VersionSuffix="baseline-$sha" --nologo -v quiet

args=("$@")
[[ " ${args[*]-} " == *" --filter "* ]] || args+=(--filter '*RoundThroughput*')
echo "benchmark-before-after: before = $version, after = $(git rev-parse --short=12 HEAD)$(git diff --quiet HEAD || echo ' + uncommitted changes')" >&2
dotnet run -c Release --project benchmarks/DeterrenceSim.Benchmarks -- --baseline "$version" "${args[@]}"
