#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to PublicAPI.Unshipped.txt of each library
# (src/DeterrenceSim, src/DeterrenceSim.Parquet), and removes the unshipped ones it reports as gone (RS0017).
# Run it after adding public API on purpose; review the diff. At a release, move the Unshipped lines to Shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/DeterrenceSim src/DeterrenceSim.Parquet; do
api=$project/PublicAPI.Unshipped.txt
{ dotnet build "$project" -c Release -f net10.0 2>&1 || true; dotnet build "$project" -c Release -f net8.0 2>&1 || true; } \
  | python3 -c '
import re, sys
api = sys.argv[1]
lines = [l.rstrip("\n") for l in open(api, encoding="utf-8")]
header, known = lines[0], set(l for l in lines[1:] if l)
for line in sys.stdin:
    m = re.search(r"error RS0016: Symbol (?:\x27)(.*)(?:\x27) is not part of the declared public API", line)
    if m:
        known.add(m.group(1))
    m = re.search(r"error RS0017: Symbol (?:\x27)(.*)(?:\x27) is part of the declared API, but is either not public or could not be found", line)
    if m:
        known.discard(m.group(1))
open(api, "w", encoding="utf-8").write(header + "\n" + "\n".join(sorted(known, key=str.lower)) + "\n")
' "$api"
git --no-pager diff --stat -- "$api" || true
done
