#!/usr/bin/env python3
"""Generate data/gml-mid-2.2.1-population.csv: the 2,174 militarized interstate disputes of GML MID 2.2.1
(1816-2010) as crises, each with its challenger, defender, co-originators and ATOP allies, their CINC and their
distance to the defender's capital (issue 14, calibration to the historical record, part 1).

Reads  DATA/gml-mid-2.2.1-disputes.csv          (GML MID 2.2.1: one row per dispute)
       DATA/gml-mid-2.2.1-participants.csv      (GML MID 2.2.1: one row per participation)
       DATA/cow-nmc-v7.csv                      (COW NMC v7.0, 1816-2022: CINC by state and year)
       DATA/atop-5.1-ddy-defense-offense.csv    (ATOP 5.1 directed dyad-years with a defence or offence obligation)
       DATA/cow-capitals.csv                    (capitals with dates and coordinates, compiled for peacesciencer)
       DATA defaults to ../shared/data relative to the repository root (CI has that folder beside the checkout);
       sources, citations and terms: data/README.md, section "gml-mid-2.2.1-population.csv".
Writes data/gml-mid-2.2.1-population.csv

Usage (python3, standard library only; paths are relative to the repository):
  python3 tools/make_mid_population.py                 write the CSV, print a summary
  python3 tools/make_mid_population.py --verify        write nothing; exit 1 if the CSV on disk differs from
                                                       what would be written; exit 0 (skipped) if the raw data
                                                       folder is absent
  python3 tools/make_mid_population.py --data DIR      read the raw files from DIR instead

Rules (also in data/README.md; change both together):
  1. One dispute = one historical crisis. Only what is known at the dispute's start is used: the originators
     (orig = 1), never the joiners (orig = 0, known only ex post). Every dispute appears in the output.
  2. Challenger = the side A originator with the largest CINC in the dispute's start year (ties: lowest ccode);
     defender = likewise on side B. The other originators of each side are that side's co-originators
     (roles challenger-originator, defender-originator).
  3. Allies from ATOP, obligations in force in the start year: a state with atop_defense = 1 towards the defender
     (ccode2 = defender) is a defender-ally (obligation `defense`); a state with atop_defense = 1 or
     atop_offense = 1 towards the challenger is a challenger-ally (obligation `defense`, `offense` or
     `defense+offense`). Only the two protagonists' obligations count, not the co-originators'. Excluded, in this
     order: originators of either side (not counted); states with such obligations towards both protagonists
     (counted per dispute as `both`).
  4. Capability: the CINC of each state in the start year, copied verbatim (as text) from cow-nmc-v7.csv. An
     originator without a CINC cannot be ranked, so its side's protagonist is undetermined and the dispute is
     unplaced (`no CINC for ccode X in Y`). An ally without a CINC is dropped and counted (`dropped`).
  5. Distance: great-circle (haversine, Earth radius 6371.0 km) distance from each state's capital to the
     defender's capital, rounded to 0.1 km; the defender's is 0.0. The capital is the one valid on the dispute's
     start date (stdate <= date <= enddate, ISO dates): the first of the start month, or 1 July of the start
     year where the start month is not 1-12 (missing, -9; dispute 1272 has stmon 13). A protagonist without a
     capital makes the dispute unplaced (`no capital for ccode X on YYYY-MM-DD`); a co-originator or ally
     without one is dropped and counted (`dropped`). Coordinates are used as given (see data/README.md for
     the ones that are off).
  6. MID fields copied per dispute, verbatim: dispnum, styear, stmon, hostlev, outcome, settle, recip, fatality.

Output: columns dispnum,styear,stmon,hostlev,outcome,settle,recip,fatality,role,ccode,cinc,distance_km,
obligation,note; one row per (dispute, state in a role), sorted by dispnum, then role (challenger, defender,
challenger-originator, defender-originator, challenger-ally, defender-ally), then ccode. An unplaced dispute has
exactly one row, role `unplaced`, empty state columns and the reason(s) in `note` (several joined by "; ").
A placed dispute's challenger row has `dropped=N;both=M` in `note` unless both are 0.

The output is deterministic: fixed order everywhere, UTF-8, LF, final newline, values copied as text except the
distance (formatted with one decimal). The summary (counts, allies per dispute, war shares by era compared with
the shares observed in the whole data set) goes to stdout, never into the CSV.
"""

import argparse
import csv
import io
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
OUT_PATH = ROOT / "data" / "gml-mid-2.2.1-population.csv"

DISPUTES = "gml-mid-2.2.1-disputes.csv"
PARTICIPANTS = "gml-mid-2.2.1-participants.csv"
NMC = "cow-nmc-v7.csv"
ATOP = "atop-5.1-ddy-defense-offense.csv"
CAPITALS = "cow-capitals.csv"

EARTH_RADIUS_KM = 6371.0
MID_FIELDS = ["dispnum", "styear", "stmon", "hostlev", "outcome", "settle", "recip", "fatality"]
COLUMNS = MID_FIELDS + ["role", "ccode", "cinc", "distance_km", "obligation", "note"]
ROLES = ["challenger", "defender", "challenger-originator", "defender-originator",
         "challenger-ally", "defender-ally"]
ROLE_ORDER = {r: i for i, r in enumerate(ROLES)}

# Observed shares quoted in the shared data README (GML MID 2.2.1, all disputes): war = hostlev 5.
OBSERVED_WAR = {"1816-2010": (0.0437, 2174), "1816-1944": (0.0863, 637), "1945-2010": (0.0260, 1537)}
ERAS = {"1816-1944": (1816, 1944), "1945-2010": (1945, 2010)}


# --------------------------------------------------------------------------------------
# Reading the raw files
# --------------------------------------------------------------------------------------


def read_csv(path, expected):
    """Rows of a raw CSV as dicts of text, after checking its header."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != expected:
            sys.exit(f"{path}: expected columns {expected}, found {reader.fieldnames}")
        return list(reader)


def read_disputes(data):
    rows = read_csv(data / DISPUTES, ["dispnum", "styear", "stmon", "outcome", "settle", "fatality", "mindur",
                                      "maxdur", "hiact", "hostlev", "recip"])
    disputes = {}
    for r in rows:
        if r["dispnum"] in disputes:
            sys.exit(f"{data / DISPUTES}: dispute {r['dispnum']} repeated")
        disputes[r["dispnum"]] = r
    return disputes


def read_originators(data, disputes):
    """{dispnum: {1: [side A originator ccodes], 0: [side B ...]}}; joiners (orig = 0) are left out."""
    rows = read_csv(data / PARTICIPANTS, ["dispnum", "ccode", "styear", "stmon", "endyear", "endmon", "sidea",
                                          "orig", "hiact"])
    sides = defaultdict(lambda: {1: [], 0: []})
    for n, r in enumerate(rows, start=2):
        if r["dispnum"] not in disputes:
            sys.exit(f"{data / PARTICIPANTS}:{n}: dispute {r['dispnum']} not in {DISPUTES}")
        if r["orig"] not in ("0", "1") or r["sidea"] not in ("0", "1"):
            sys.exit(f"{data / PARTICIPANTS}:{n}: orig and sidea must be 0 or 1")
        if r["orig"] == "1":
            ccode = int(r["ccode"])
            s = sides[r["dispnum"]]
            if ccode in s[0] or ccode in s[1]:
                sys.exit(f"{data / PARTICIPANTS}:{n}: ccode {ccode} originates dispute {r['dispnum']} twice")
            s[int(r["sidea"])].append(ccode)
    for d in disputes:
        if not sides[d][1] or not sides[d][0]:
            sys.exit(f"{data / PARTICIPANTS}: dispute {d} lacks an originator on one side")
    return sides


def read_cinc(data):
    """{(ccode, year): CINC text}; an empty or non-positive value counts as missing."""
    rows = read_csv(data / NMC, ["ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc"])
    cinc = {}
    for n, r in enumerate(rows, start=2):
        key = (int(r["ccode"]), int(r["year"]))
        if key in cinc:
            sys.exit(f"{data / NMC}:{n}: {key} repeated")
        try:
            ok = float(r["cinc"]) > 0
        except ValueError:
            ok = False
        if ok:
            cinc[key] = r["cinc"]
    return cinc


def read_atop(data):
    """{(ccode2, year): [(ccode1, defense, offense), ...]}: state 1's obligations towards state 2."""
    rows = read_csv(data / ATOP, ["ccode1", "ccode2", "year", "atop_defense", "atop_offense"])
    towards = defaultdict(list)
    seen = set()
    for n, r in enumerate(rows, start=2):
        key = (int(r["ccode1"]), int(r["ccode2"]), int(r["year"]))
        if key in seen:
            sys.exit(f"{data / ATOP}:{n}: {key} repeated")
        seen.add(key)
        if r["atop_defense"] not in ("0", "1") or r["atop_offense"] not in ("0", "1"):
            sys.exit(f"{data / ATOP}:{n}: atop_defense and atop_offense must be 0 or 1")
        towards[(key[1], key[2])].append((key[0], r["atop_defense"] == "1", r["atop_offense"] == "1"))
    return towards


def read_capitals(data):
    """{ccode: [(stdate, enddate, lat, lng), ...]}, ISO dates as text."""
    rows = read_csv(data / CAPITALS, ["ccode", "statenme", "capital", "stdate", "enddate", "lat", "lng"])
    capitals = defaultdict(list)
    for n, r in enumerate(rows, start=2):
        for k in ("stdate", "enddate"):
            v = r[k]
            if len(v) != 10 or v[4] != "-" or v[7] != "-" or not (v[:4] + v[5:7] + v[8:]).isdigit():
                sys.exit(f"{data / CAPITALS}:{n}: {k} {v!r} is not YYYY-MM-DD")
        capitals[int(r["ccode"])].append((r["stdate"], r["enddate"], float(r["lat"]), float(r["lng"])))
    return capitals


def capital_on(capitals, ccode, date):
    """(lat, lng) of the capital valid on date, or None; more than one is an error in the raw file."""
    found = [(lat, lng) for st, en, lat, lng in capitals.get(ccode, []) if st <= date <= en]
    if len(found) > 1:
        sys.exit(f"{CAPITALS}: ccode {ccode} has {len(found)} capitals on {date}")
    return found[0] if found else None


# --------------------------------------------------------------------------------------
# Building the population
# --------------------------------------------------------------------------------------


def start_date(d):
    """The date on which capitals are looked up: the first of the start month, or 1 July if it is not 1-12."""
    year, month = int(d["styear"]), int(d["stmon"])
    return f"{year:04d}-{month:02d}-01" if 1 <= month <= 12 else f"{year:04d}-07-01"


def haversine_km(a, b):
    (lat1, lng1), (lat2, lng2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def place(d, sides, cinc, towards, capitals):
    """The rows of one dispute (without the MID fields) and its tallies, or an unplaced row's reason."""
    year = int(d["styear"])
    date = start_date(d)
    reasons = [f"no CINC for ccode {c} in {year}"
               for side in (1, 0) for c in sorted(sides[side]) if (c, year) not in cinc]
    if reasons:
        return None, reasons, None

    def protagonist(side):
        return min(sides[side], key=lambda c: (-float(cinc[(c, year)]), c))

    challenger, defender = protagonist(1), protagonist(0)
    cap_ch, cap_def = capital_on(capitals, challenger, date), capital_on(capitals, defender, date)
    reasons = [f"no capital for ccode {c} on {date}"
               for c, cap in ((challenger, cap_ch), (defender, cap_def)) if cap is None]
    if reasons:
        return None, reasons, None

    originators = set(sides[1]) | set(sides[0])
    def_allies = {c1 for c1, de, _ in towards.get((defender, year), []) if de and c1 not in originators}
    ch_allies = {}
    for c1, de, off in towards.get((challenger, year), []):
        if (de or off) and c1 not in originators:
            ch_allies[c1] = "+".join(k for k, v in (("defense", de), ("offense", off)) if v)
    both = def_allies & set(ch_allies)

    candidates = ([("challenger-originator", c, "") for c in sides[1] if c != challenger]
                  + [("defender-originator", c, "") for c in sides[0] if c != defender]
                  + [("challenger-ally", c, ob) for c, ob in ch_allies.items() if c not in both]
                  + [("defender-ally", c, "defense") for c in def_allies if c not in both])
    rows = [("challenger", challenger, cinc[(challenger, year)], haversine_km(cap_ch, cap_def), ""),
            ("defender", defender, cinc[(defender, year)], 0.0, "")]
    dropped = 0
    for role, c, ob in candidates:
        cap = capital_on(capitals, c, date)
        if (c, year) not in cinc or cap is None:
            dropped += 1
            continue
        rows.append((role, c, cinc[(c, year)], haversine_km(cap, cap_def), ob))
    rows.sort(key=lambda r: (ROLE_ORDER[r[0]], r[1]))
    return rows, None, {"dropped": dropped, "both": len(both)}


def build(disputes, sides, cinc, towards, capitals):
    """Output rows (lists of text) and per-dispute records for the summary."""
    out, records = [], []
    for num in sorted(disputes, key=int):
        d = disputes[num]
        mid = [d[k] for k in MID_FIELDS]
        rows, reasons, tally = place(d, sides[num], cinc, towards, capitals)
        if rows is None:
            out.append(mid + ["unplaced", "", "", "", "", "; ".join(reasons)])
            records.append({"d": d, "placed": False, "reasons": reasons})
            continue
        for role, c, k, dist, ob in rows:
            note = ""
            if role == "challenger" and (tally["dropped"] or tally["both"]):
                note = f"dropped={tally['dropped']};both={tally['both']}"
            out.append(mid + [role, str(c), k, f"{dist:.1f}", ob, note])
        allies = sum(1 for r in rows if r[0].endswith("-ally"))
        records.append({"d": d, "placed": True, "allies": allies, "rows": rows, **tally})
    return out, records


def render(out):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    w.writerows(out)
    return buf.getvalue()


# --------------------------------------------------------------------------------------
# Summary (stdout only)
# --------------------------------------------------------------------------------------


def pct(k, n):
    return f"{100 * k / n:.2f}% of {n:,}" if n else "n/a (0 disputes)"


def report(records, text):
    placed = [r for r in records if r["placed"]]
    unplaced = [r for r in records if not r["placed"]]
    print(f"disputes: {len(records):,}; placed: {len(placed):,}; unplaced: {len(unplaced):,}")
    kinds = defaultdict(list)
    for r in unplaced:
        for reason in r["reasons"]:
            kinds[reason.split(" for ")[0]].append(f"{r['d']['dispnum']} ({reason.split(' for ')[1]})")
    for kind in sorted(kinds):
        print(f"  unplaced, {kind}: {len(kinds[kind])}: " + ", ".join(kinds[kind]))
    if placed:
        allies = [r["allies"] for r in placed]
        top = max(placed, key=lambda r: (r["allies"], -int(r["d"]["dispnum"])))
        ch = sum(1 for r in placed for x in r["rows"] if x[0] == "challenger-ally")
        de = sum(1 for r in placed for x in r["rows"] if x[0] == "defender-ally")
        print(f"allies per placed dispute: mean {sum(allies) / len(allies):.2f}, max {max(allies)} "
              f"(dispute {top['d']['dispnum']}, {top['d']['styear']}); none in "
              f"{sum(1 for a in allies if a == 0):,}; {ch:,} challenger-ally and {de:,} defender-ally rows")
        print(f"co-originator rows: {sum(1 for r in placed for x in r['rows'] if x[0].endswith('-originator')):,}; "
              f"dropped (no CINC or capital): {sum(r['dropped'] for r in placed):,} in "
              f"{sum(1 for r in placed if r['dropped']):,} disputes; obliged to both sides: "
              f"{sum(r['both'] for r in placed):,} in {sum(1 for r in placed if r['both']):,} disputes")
    print("war (hostlev 5) share, placed disputes vs the shared README's observed share (all disputes):")
    for era, (obs, n_obs) in OBSERVED_WAR.items():
        lo, hi = ERAS.get(era, (1816, 2010))
        sel = [r for r in placed if lo <= int(r["d"]["styear"]) <= hi]
        every = [r for r in records if lo <= int(r["d"]["styear"]) <= hi]
        wars = sum(1 for r in sel if r["d"]["hostlev"] == "5")
        wars_all = sum(1 for r in every if r["d"]["hostlev"] == "5")
        print(f"  {era}: placed {pct(wars, len(sel))}; all disputes here {pct(wars_all, len(every))}; "
              f"README {100 * obs:.2f}% of {n_obs:,}")
    print(f"{len(text.splitlines()) - 1:,} rows, {len(text.encode('utf-8')):,} bytes")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verify", action="store_true",
                    help="write nothing; exit 1 if the CSV on disk differs (0 if the raw data are absent)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, metavar="DIR",
                    help="folder of the raw files (default: ../shared/data beside the repository)")
    args = ap.parse_args()

    data = args.data.resolve()
    rel = OUT_PATH.relative_to(ROOT)
    if not data.is_dir():
        if args.verify:
            print(f"raw data folder {data} not found: {rel} not checked (skipped)")
            return
        sys.exit(f"raw data folder {data} not found (use --data DIR)")

    disputes = read_disputes(data)
    sides = read_originators(data, disputes)
    out, records = build(disputes, sides, read_cinc(data), read_atop(data), read_capitals(data))
    if len(records) != len(disputes) or {r["d"]["dispnum"] for r in records} != set(disputes):
        sys.exit("internal error: not every dispute is in the output")
    text = render(out)
    if args.verify:
        on_disk = OUT_PATH.read_text(encoding="utf-8") if OUT_PATH.exists() else None
        if on_disk != text:
            print(f"{rel} is out of date: run python3 tools/make_mid_population.py", file=sys.stderr)
            sys.exit(1)
        print(f"{rel} is up to date")
        return
    OUT_PATH.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT_PATH, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {rel}")
    report(records, text)


if __name__ == "__main__":
    main()
