#!/usr/bin/env python3
"""Checks the war-rate band of the C# samples (samples/scripts/quickstart.cs, samples/notebooks/quickstart.ipynb):
it must be the 95% t-interval of the mean over the replications, mean +- t(0.975, n-1) s/sqrt(n) within [0, 1], as
`deterrence-sim plot` draws it -- not the span of the replications' own Wilson intervals. The interval is recomputed
here from the CLI's CSV of the same sweep (crisis east-china-sea, states.JPN.perception.credulity=0:1:6, 5
replications of 50,000 rounds, seed 42), and compared with the table each sample prints to 4 decimals.

usage: check-sample-intervals.py SWEEP.csv OUTPUT...   (OUTPUT: the script's standard output or an executed notebook)
Standard library only."""
import csv
import json
import math
import re
import sys

T975 = {4: 2.7764451051977987}  # t(0.975, n - 1) for n replications, from tables
PATH = "states.JPN.perception.credulity"


def expected(sweep):
    rates = {}
    with open(sweep, newline="") as f:
        for row in csv.DictReader(f):
            rates.setdefault(round(float(row[PATH]), 6), []).append(float(row["war"]))
    bands = {}
    for x, war in rates.items():
        n = len(war)
        mean = sum(war) / n
        half = T975[n - 1] * math.sqrt(sum((w - mean) ** 2 for w in war) / (n - 1)) / math.sqrt(n)
        bands[x] = (mean, max(0.0, mean - half), min(1.0, mean + half))
    return bands


def printed(path):
    text = open(path, encoding="utf-8").read()
    if path.endswith(".ipynb"):
        outputs = [o for c in json.loads(text)["cells"] for o in c.get("outputs", [])]
        html = "".join("".join(o.get("data", {}).get("text/html", "")) for o in outputs)
        return re.findall(r"<td>(\d\.\d)</td><td>(\d\.\d{4})</td><td>\[(\d\.\d{4}), (\d\.\d{4})\]</td>", html)
    return re.findall(r"^\s*(\d\.\d)\s+(\d\.\d{4})\s+\[(\d\.\d{4}), (\d\.\d{4})\]", text, re.MULTILINE)


def main():
    bands = expected(sys.argv[1])
    for path in sys.argv[2:]:
        rows = printed(path)
        assert len(rows) == len(bands), f"{path}: expected {len(bands)} rows of the credulity table, found {len(rows)}"
        for x, mean, lower, upper in rows:
            want = bands[round(float(x), 6)]
            got = (float(mean), float(lower), float(upper))
            assert all(abs(g - w) <= 0.6e-4 for g, w in zip(got, want)), \
                f"{path}: at credulity {x}, printed {got}, the t-interval is {tuple(round(w, 5) for w in want)}"
        print(f"samples: {path}: the band is the 95% t-interval over the replications at all {len(rows)} values")


if __name__ == "__main__":
    main()
