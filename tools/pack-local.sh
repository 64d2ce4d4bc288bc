#!/usr/bin/env bash
# Until DeterrenceSim is on nuget.org: packs it (the library, and the command line as the .NET tool DeterrenceSim.Cli) as a pre-release (0.1.0-local.<time>, a new version each time, so no
# NuGet cache serves an older build under the same number) into artifacts/feed, and writes artifacts/nuget.config
# naming that folder and nuget.org. Copy the nuget.config beside your script or notebook (or into a parent folder) and
# name the printed version in `#:package DeterrenceSim@VERSION` or `#r "nuget: DeterrenceSim, VERSION"`.
set -euo pipefail
cd "$(dirname "$0")/.."
suffix="local.$(date -u +%Y%m%d%H%M%S)"
prefix=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
dotnet pack src/DeterrenceSim -c Release -o artifacts/feed -p:VersionSuffix="$suffix" --nologo -v quiet
dotnet pack src/DeterrenceSim.Parquet -c Release -o artifacts/feed -p:VersionSuffix="$suffix" --nologo -v quiet
dotnet pack samples/DeterrenceSim.Cli -c Release -o artifacts/feed -p:VersionSuffix="$suffix" --nologo -v quiet
feed=$(cd artifacts/feed && pwd)
cat > artifacts/nuget.config <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="deterrencesim-local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CONFIG
echo "packed DeterrenceSim $prefix-$suffix into $feed"
echo "copy $(pwd)/artifacts/nuget.config beside your script or notebook, then use:"
echo "  #:package DeterrenceSim@$prefix-$suffix        (file-based app; add #:package DeterrenceSim.Parquet@$prefix-$suffix for .parquet files)"
echo "  #r \"nuget: DeterrenceSim, $prefix-$suffix\"    (C# notebook)"
echo "and for the command line as a .NET tool:"
echo "  dotnet tool install --global DeterrenceSim.Cli --version $prefix-$suffix --add-source $feed"
