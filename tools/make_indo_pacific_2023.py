#!/usr/bin/env python3
"""Generate the `indo-pacific-2023` DeterrenceSim scenario (DESIGN.md section 6 format).

Reads  data/cow-nmc-v7-2022-cinc.csv        (COW NMC v7.0, CINC 2022, 40 states: capability)
       data/cow-nmc-v7-cinc-2012-2022.csv   (COW NMC v7.0, CINC 2012-2022, same 40 states:
                                             growth rates, see growth_rate)
Writes src/DeterrenceSim/Scenarios/Embedded/indo-pacific-2023.json

Every assumed number below has a one-line rationale and source in
docs/scenarios/indo-pacific-2023.md; change both together.

Usage (python3, standard library only; paths are relative to the repository):
  python3 tools/make_indo_pacific_2023.py               write the JSON, print sanity checks
  python3 tools/make_indo_pacific_2023.py --verify      write nothing; exit 1 if the JSON on
                                                        disk differs from what would be written
  python3 tools/make_indo_pacific_2023.py --simulate N  also run an independent Monte Carlo
                                                        check of DESIGN.md section 3 (one round
                                                        per crisis, no dynamics), N rounds each

The output is deterministic: fixed order everywhere, indent 2, UTF-8, LF, final newline,
floats written as Python's shortest round-trip repr (capability = the CSV's CINC text parsed
as a float; growth rates rounded to 6 decimals so that the last bits of the platform's log and
exp cannot change the file). Sanity checks, including the derived growth rates, go to stdout,
never into the JSON.
"""

import argparse
import csv
import json
import math
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSV_PATH = ROOT / "data" / "cow-nmc-v7-2022-cinc.csv"
TREND_PATH = ROOT / "data" / "cow-nmc-v7-cinc-2012-2022.csv"
OUT_PATH = ROOT / "src" / "DeterrenceSim" / "Scenarios" / "Embedded" / "indo-pacific-2023.json"
SCHEMA_PATH = ROOT / "docs" / "scenario.schema.json"
# The scenario names its JSON Schema by a path relative to itself (README.md, "The scenario JSON Schema"), so editors
# check it in the repository: ../../../../docs/scenario.schema.json.
SCHEMA_REF = Path(os.path.relpath(SCHEMA_PATH, OUT_PATH.parent)).as_posix()

# --------------------------------------------------------------------------------------
# Real facts (public record; see docs/scenarios/indo-pacific-2023.md, "Facts used")
# --------------------------------------------------------------------------------------

# NATO's 31 members on 1 July 2023: the 30 before 4 April 2023 plus Finland.
# Sweden (SWE) joined only on 7 March 2024. Order: COW country code, as in the CSV.
NATO_MEMBERS_MID_2023 = [
    "USA", "CAN", "GBR", "NLD", "BEL", "LUX", "FRA", "ESP", "PRT", "DEU", "POL", "HUN",
    "CZE", "SVK", "ITA", "ALB", "MNE", "MKD", "HRV", "SVN", "GRC", "BGR", "ROU", "EST",
    "LVA", "LTU", "FIN", "NOR", "DNK", "ISL", "TUR",
]

# Home region of every state of the extract. "Pacific" is reserved for US (and French)
# Pacific territories outside Europe/North America (North Atlantic Treaty Art. 6: not covered).
NON_EUROPEAN_HOME = {
    "USA": "NorthAmerica", "CAN": "NorthAmerica",
    "CHN": "EastAsia", "PRK": "EastAsia", "KOR": "EastAsia", "JPN": "EastAsia",
    "AUS": "Oceania", "NZL": "Oceania",
    "PHL": "SoutheastAsia",
}  # every other state of the extract (incl. TUR and RUS) has homeRegion "Europe"

EXTRA_REGIONS = {
    "USA": ["NorthAmerica", "Pacific"],   # Hawaii, Guam, Northern Marianas
    "RUS": ["Europe", "EastAsia"],        # Siberia and the Russian Far East
    "FRA": ["Europe", "Pacific"],         # New Caledonia, French Polynesia, Wallis and Futuna
}

# --------------------------------------------------------------------------------------
# Assumptions (each in the docs table)
# --------------------------------------------------------------------------------------

# Perception profiles of the six crisis protagonists: (credulity kappa, noise sigma).
# supporterNoise 0 (expensive, not needed), capabilityBias 0 (no reason to depart).
PERCEPTION = {
    "CHN": (0.5, 0.6),   # DESIGN.md example; centralised decision-making, no war since 1979
    "JPN": (0.5, 0.3),   # consolidated democracy, strong intelligence, neutral credulity
    "PRK": (0.7, 1.0),   # personalist and isolated; reads US-ROK drills as invasion signals
    "KOR": (0.3, 0.3),   # abandonment fear (71% want own nuclear weapons, 2022): discounts signals
    "RUS": (0.5, 0.8),   # personalist; 2022 expectation of a quick victory in Ukraine
    "EST": (0.3, 0.3),   # abandonment fear (pushed for forward defence over reinforcement plans)
}

RELIABILITY_LEEDS = 0.745      # Leeds, Long & Mitchell (2000): honoured 74.5% (1816-1944)
RELIABILITY_BF_OVERALL = 0.5   # Berkemeier & Fuhrmann (2018): 50% overall (1816-2003)
RELIABILITY_BF_DEFENCE = 0.41  # Berkemeier & Fuhrmann (2018): defence pacts 41%

# US bilateral defence treaties (ATOP v5.1: US defence obligation to each, 2018).
US_TREATIES = [
    # protege, signal, scope, outOfScopeReliability, informationSharing
    ("JPN", 0.9, ["EastAsia"], 0.2, 0.2),
    ("KOR", 0.95, ["EastAsia"], 0.2, 0.2),
    ("AUS", 0.9, ["Oceania", "SoutheastAsia", "EastAsia", "Pacific"], 0.2, 0.3),
    ("PHL", 0.8, ["SoutheastAsia"], 0.2, 0.2),
]

# NATO Art. 5 to Estonia: forces in Estonia (tripwire) and front-line neighbours get the
# Leeds et al. rate, every other member the Berkemeier & Fuhrmann overall rate.
NATO_EST_TIER_A = ["USA", "GBR", "FRA", "POL", "LVA", "LTU", "FIN"]
NATO_EST_SIGNAL = 0.9
NATO_EST_INFO_SHARING = {"USA": 0.2, "GBR": 0.1}   # US ISR; UK eFP framework nation
NATO_MEMBER_RELIABILITY = RELIABILITY_BF_OVERALL   # joins when Art. 5 is triggered by escalation

# NATO partnership (ITPP) ties to the Asia-Pacific Four, from the members with a real
# Indo-Pacific presence or strategy in 2023 (the US is covered by its treaties, except NZL).
ITPP_SUPPORTERS = ["CAN", "GBR", "NLD", "FRA", "DEU", "ITA"]
ITPP_PROTEGES = ["JPN", "KOR", "AUS", "NZL"]
ITPP_RELIABILITY = 0.05
ITPP_SIGNAL = {"JPN": 0.4, "KOR": 0.4, "AUS": 0.4, "NZL": 0.3}   # NZL's ITPP still in negotiation
ITPP_INFO_SHARING = 0.03   # six ties compound to 1 - 0.97**6 = 17% less noise
ITPP_DEEPENING = {"reliability": 0.005, "signal": 0.02}

# Capability growth (DESIGN.md section 4): one period = one year. g = exp(slope) - 1, slope the
# OLS slope of ln(CINC) on year over TREND_YEARS (see growth_rate). CINC is a share of the
# world total, so g is growth *relative to the world*, which is what the ratio-based contest
# success function needs.
TREND_YEARS = range(2012, 2023)   # 2012..2022: the last 11 years of NMC v7.0
TREND_MIN_YEARS = 6               # years with a usable CINC needed (more than half of 11)
GROWTH_DECIMALS = 6               # 1e-6 a year: far below the precision of the data

# Dynamics over periods (DESIGN.md section 4; rationale in the docs, section 2.5).
PERIODS = 20            # 2023-2042, one period = one year (as discount 0.9 and growth assume)
LEARNING = True         # Beta-Bernoulli credibility learning on
PRIOR_STRENGTH = 10.0   # prior worth a decade of annual observations of each commitment
OVERSTRETCH = 2.0       # one-war force sizing (2018 NDS): a second theatre gets half

# NATO's votes on deepening the partnership ties (the commitments naming "alliance": "NATO").
NATO_VOTE_PERIOD = 1    # annual summits (Brussels 2021, Madrid 2022, Vilnius 2023, ...)
# member -> (support, supportUnderThreat or None); members not listed always vote yes.
NATO_PREFERENCES = {
    "HUN": (0.8, None),  # backs Indo-Pacific ties only if "not directed against" China (2024)
    "FRA": (0.5, 0.8),   # agreed the ITPPs but vetoed the Tokyo office, Vilnius 2023
}

CRISIS_COMMON = {
    "discount": 0.9, "decisiveness": 1.0, "foresight": 1,
    "challengerPower": 0.5,
}

# --------------------------------------------------------------------------------------
# Building the scenario
# --------------------------------------------------------------------------------------


def read_cinc(path):
    """Rows of the CINC extract, in file order; capability parsed from the CSV text."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    expected = ["iso3", "name", "ccode", "year", "cinc"]
    if not rows or list(rows[0].keys()) != expected:
        sys.exit(f"{path}: expected columns {expected}")
    for r in rows:
        if r["year"] != "2022":
            sys.exit(f"{path}: {r['iso3']}: expected year 2022, found {r['year']}")
    return rows


def read_cinc_trend(path, rows):
    """CINC by state and year from the 2012-2022 extract, checked against the 2022 extract.

    Returns {iso3: [(year, cinc or None), ...]} in year order. An empty, non-numeric, or
    non-positive CINC (ln undefined) is a missing value: None, left out of the regression.
    """
    with open(path, newline="", encoding="utf-8") as f:
        trend = list(csv.DictReader(f))
    expected = ["iso3", "ccode", "year", "cinc"]
    if not trend or list(trend[0].keys()) != expected:
        sys.exit(f"{path}: expected columns {expected}")
    ccode = {r["iso3"]: r["ccode"] for r in rows}
    cinc_2022 = {r["iso3"]: r["cinc"] for r in rows}
    series = {sid: {} for sid in ccode}
    for n, r in enumerate(trend, start=2):
        sid = r["iso3"]
        if sid not in series:
            sys.exit(f"{path}:{n}: {sid} is not one of the 40 states of {CSV_PATH.name}")
        if r["ccode"] != ccode[sid]:
            sys.exit(f"{path}:{n}: {sid} has ccode {r['ccode']}, {CSV_PATH.name} says {ccode[sid]}")
        year = int(r["year"])
        if year not in TREND_YEARS or year in series[sid]:
            sys.exit(f"{path}:{n}: {sid} {year}: outside {TREND_YEARS.start}-"
                     f"{TREND_YEARS.stop - 1} or repeated")
        try:
            value = float(r["cinc"])
        except ValueError:
            value = math.nan
        series[sid][year] = value if math.isfinite(value) and value > 0 else None
        if year == 2022 and r["cinc"] != cinc_2022[sid]:
            sys.exit(f"{path}:{n}: {sid} 2022 CINC {r['cinc']} differs from {CSV_PATH.name} "
                     f"({cinc_2022[sid]})")
    return {sid: [(y, series[sid].get(y)) for y in TREND_YEARS] for sid in series}


def growth_rate(points):
    """g = exp(b) - 1, b the OLS slope of ln(CINC) on year over the years with a CINC.

    b = sum((t - tbar)(ln K_t - lbar)) / sum((t - tbar)^2): the average yearly log change,
    less sensitive to the two end years than (K_2022 / K_2012)^(1/10) - 1.
    """
    pts = [(y, math.log(k)) for y, k in points if k is not None]
    if len(pts) < TREND_MIN_YEARS:
        return None
    tbar = sum(y for y, _ in pts) / len(pts)
    lbar = sum(v for _, v in pts) / len(pts)
    b = (sum((y - tbar) * (v - lbar) for y, v in pts)
         / sum((y - tbar) ** 2 for y, _ in pts))
    return round(math.exp(b) - 1, GROWTH_DECIMALS) + 0.0   # + 0.0: no "-0.0"


def growth_rates(trend):
    rates = {}
    for sid, points in trend.items():
        g = growth_rate(points)
        if g is None:
            n = sum(k is not None for _, k in points)
            sys.exit(f"{TREND_PATH}: {sid} has {n} years with a CINC in "
                     f"{TREND_YEARS.start}-{TREND_YEARS.stop - 1}, "
                     f"at least {TREND_MIN_YEARS} are needed")
        rates[sid] = g
    return rates


def build_states(rows, growth):
    ids = [r["iso3"] for r in rows]
    if len(ids) != 40 or len(set(ids)) != 40:
        sys.exit(f"{CSV_PATH}: expected 40 distinct states, found {len(ids)}")
    missing = [s for s in NATO_MEMBERS_MID_2023 + list(NON_EUROPEAN_HOME) if s not in ids]
    if missing:
        sys.exit(f"{CSV_PATH}: missing states {missing}")
    states = []
    for r in rows:
        sid = r["iso3"]
        home = NON_EUROPEAN_HOME.get(sid, "Europe")
        state = {
            "id": sid,
            "name": r["name"],
            "capability": float(r["cinc"]),
            "homeRegion": home,
            "regions": EXTRA_REGIONS.get(sid, [home]),
            "growthRate": growth[sid],
        }
        if sid in PERCEPTION:
            credulity, noise = PERCEPTION[sid]
            state["perception"] = {
                "credulity": credulity, "noise": noise,
                "supporterNoise": 0.0, "capabilityBias": 0.0,
            }
        states.append(state)
    return states


def commitment(supporter, protege, kind, reliability, signal, scope, oos=0.0,
               deepening=None, alliance=None, info=0.0):
    c = {
        "supporter": supporter, "protege": protege, "kind": kind,
        "reliability": reliability, "signal": signal, "scope": list(scope),
        "outOfScopeReliability": oos,
        "deepening": dict(deepening or {"reliability": 0.0, "signal": 0.0}),
    }
    if alliance is not None:
        c["alliance"] = alliance
    c["informationSharing"] = info
    return c


def build_commitments():
    cs = []
    # 1. US bilateral defence treaties (Japan 1960, ROK 1953, ANZUS 1951, Philippines 1951).
    for protege, signal, scope, oos, info in US_TREATIES:
        cs.append(commitment("USA", protege, "BilateralDefence", RELIABILITY_LEEDS, signal,
                             scope, oos, info=info))
    # 2. China-DPRK 1961 treaty (mutual; ATOP codes defence both ways).
    cs.append(commitment("CHN", "PRK", "BilateralDefence", RELIABILITY_BF_DEFENCE, 0.5,
                         ["EastAsia"]))
    cs.append(commitment("PRK", "CHN", "BilateralDefence", 0.1, 0.3, ["EastAsia"]))
    # 3. Alignments without a defence obligation (ATOP: consultation and non-aggression).
    cs.append(commitment("RUS", "CHN", "Alignment", 0.05, 0.5, ["EastAsia"]))
    cs.append(commitment("CHN", "RUS", "Alignment", 0.05, 0.5, ["EastAsia"], oos=0.01))
    cs.append(commitment("RUS", "PRK", "Alignment", 0.05, 0.3, ["EastAsia"]))
    # 4. NATO Art. 5 to Estonia: every other member, in CSV (COW code) order.
    for s in NATO_MEMBERS_MID_2023:
        if s == "EST":
            continue
        rel = RELIABILITY_LEEDS if s in NATO_EST_TIER_A else RELIABILITY_BF_OVERALL
        # No "alliance" field: these ties do not deepen, so no NATO vote governs them (Art. 5
        # is modelled by the alliance's members, scope and memberReliability, not this field).
        cs.append(commitment(s, "EST", "CollectiveDefence", rel, NATO_EST_SIGNAL, ["Europe"],
                             info=NATO_EST_INFO_SHARING.get(s, 0.0)))
    # 5. Sweden, a NATO applicant in mid-2023: EU mutual-assistance clause (TEU Art. 42(7)).
    cs.append(commitment("SWE", "EST", "CollectiveDefence", RELIABILITY_BF_OVERALL, 0.7,
                         ["Europe"]))
    # 6. NATO partnership ties (ITPP) to the Asia-Pacific Four; scope = the partner's home.
    home = NON_EUROPEAN_HOME
    for protege in ITPP_PROTEGES:
        supporters = ITPP_SUPPORTERS + (["USA"] if protege == "NZL" else [])
        for s in supporters:
            cs.append(commitment(s, protege, "Partnership", ITPP_RELIABILITY,
                                 ITPP_SIGNAL[protege], [home[protege]],
                                 deepening=ITPP_DEEPENING, alliance="NATO",
                                 info=ITPP_INFO_SHARING))
    return cs


def crisis(cid, challenger, defender, region, default_projection, projection,
           challenger_cost, defender_cost, escalation):
    return {
        "id": cid, "challenger": challenger, "defender": defender,
        "theatre": {"region": region, "defaultProjection": default_projection,
                    "projection": dict(projection)},
        "statusQuo": None,   # calibrated in calibrate_status_quo once the scenario is built
        "challengerCost": challenger_cost, "defenderCost": defender_cost,
        "discount": CRISIS_COMMON["discount"],
        "decisiveness": CRISIS_COMMON["decisiveness"],
        "foresight": CRISIS_COMMON["foresight"],
        "bargaining": {"protocol": "NashSplit",
                       "challengerPower": CRISIS_COMMON["challengerPower"],
                       # mean of U[0, cBar] = defenderCost, so TakeItOrLeaveIt is a --set away
                       "defenderCostUpperBound": round(2 * defender_cost, 12)},
        "escalation": [{"target": t, "region": r, "probability": p} for t, r, p in escalation],
    }


def build_crises():
    return [
        crisis("east-china-sea", "CHN", "JPN", "EastAsia", 0.05,
               {"USA": 0.6, "CAN": 0.1, "GBR": 0.1, "FRA": 0.1, "RUS": 0.3},
               challenger_cost=0.1, defender_cost=0.1,
               escalation=[("USA", "EastAsia", 0.15),     # US bases in Japan (Kadena, Yokosuka)
                           ("USA", "Pacific", 0.05)]),    # Guam: Art. 6, no NATO trigger
        crisis("korean-peninsula", "PRK", "KOR", "EastAsia", 0.05,
               {"USA": 0.6, "CHN": 0.8, "RUS": 0.3},
               challenger_cost=0.2, defender_cost=0.2,
               escalation=[("USA", "EastAsia", 0.5),      # USFK co-located with ROK forces
                           ("USA", "Pacific", 0.1),       # Guam (2017 "enveloping fire" plan)
                           ("USA", "NorthAmerica", 0.02)]),  # ICBM on the continental US: Art. 5
        crisis("baltic", "RUS", "EST", "Europe", 0.5,
               {"USA": 0.45, "CAN": 0.3, "POL": 0.8, "LVA": 1.0, "LTU": 1.0, "FIN": 1.0,
                "SWE": 0.8, "TUR": 0.3, "CHN": 0.05},
               challenger_cost=0.2, defender_cost=0.2,
               escalation=[("POL", "Europe", 0.3),        # Suwalki gap, Rzeszow logistics hub
                           ("USA", "NorthAmerica", 0.01)]),
    ]


DESCRIPTION = (
    "Three crises of mid-2023 between the US-led alliance system in the Indo-Pacific, NATO "
    "and its Asia-Pacific partners on one side, and China, North Korea and Russia on the "
    "other: an East China Sea crisis (China vs Japan), a Korean peninsula crisis (North "
    "Korea vs South Korea) and a Baltic crisis (Russia vs Estonia, where NATO Article 5 is "
    "in scope). Capabilities are the Correlates of War CINC scores for 2022 (NMC v7.0) of "
    "the 40 states: the 31 NATO members of mid-2023 (Finland joined on 4 April 2023, Sweden "
    "only in March 2024), Sweden, Japan, South Korea, Australia, New Zealand, the "
    "Philippines, China, North Korea and Russia. Commitments follow the treaty record (ATOP "
    "v5.1): US defence treaties with Japan, South Korea, Australia and the Philippines (none "
    "with New Zealand since 1986), the 1961 China-North Korea treaty, Russia-China and "
    "Russia-North Korea consultation ties, NATO collective defence of Estonia, and NATO's "
    "partnership programmes (ITPP, Vilnius 2023) with the Asia-Pacific Four, whose visible "
    "signal exceeds their real commitment and deepens only in the years NATO agrees by "
    "consensus: France (which vetoed a NATO office in Tokyo in 2023) and Hungary may say no. "
    "Reliabilities are calibrated on Leeds, Long & Mitchell (2000) and "
    "Berkemeier & Fuhrmann (2018); projections follow Boulding's loss-of-strength gradient. "
    "A run lasts 20 yearly periods (2023-2042): capabilities grow at each state's 2012-2022 "
    "CINC trend, every state learns each supporter's reliability from the wars it sees "
    "(Beta-Bernoulli, prior worth 10 observations), and a state that has fought once in a "
    "year projects half as much into the next crisis of that year. "
    "Every assumed number, with its rationale and source, is tabulated in "
    "docs/scenarios/indo-pacific-2023.md; the file is generated by "
    "tools/make_indo_pacific_2023.py from data/cow-nmc-v7-2022-cinc.csv and "
    "data/cow-nmc-v7-cinc-2012-2022.csv."
)

SOURCES = [
    "Correlates of War Project, National Material Capabilities v7.0 (1816-2022), CINC 2022 "
    "(capability) and 2012-2022 (growth rates, log-linear trend): "
    "Singer, J. David, Stuart Bremer and John Stuckey (1972), 'Capability Distribution, "
    "Uncertainty, and Major Power War, 1820-1965', in Bruce Russett (ed.), Peace, War, and "
    "Numbers, Beverly Hills: Sage, 19-48; Singer, J. David (1987), 'Reconstructing the "
    "Correlates of War Dataset on Material Capabilities of States, 1816-1985', "
    "International Interactions 14:115-132.",
    "Alliance Treaty Obligations and Provisions (ATOP) v5.1, directed dyad-years 2018: "
    "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell and Andrew G. Long "
    "(2002), 'Alliance Treaty Obligations and Provisions, 1815-1944', International "
    "Interactions 28:237-260.",
    "Leeds, Brett Ashley, Andrew G. Long and Sara McLaughlin Mitchell (2000), "
    "'Reevaluating Alliance Reliability: Specific Threats, Specific Promises', Journal of "
    "Conflict Resolution 44(5):686-699 (commitments honoured 74.5% of the time, 1816-1944).",
    "Berkemeier, Molly and Matthew Fuhrmann (2018), 'Reassessing the Fulfillment of "
    "Alliance Commitments in War', Research & Politics 5(2) (50% overall 1816-2003, 22% "
    "1945-2003, defence pacts 41%).",
    "North Atlantic Treaty, Washington, 4 April 1949, Articles 5 and 6 (Art. 6 as amended "
    "by the Protocol on the Accession of Greece and Turkey, 1951); Finland's accession, "
    "4 April 2023.",
    "Treaty of Mutual Cooperation and Security between Japan and the United States of "
    "America, 1960 (Art. V).",
    "Mutual Defense Treaty between the United States and the Republic of Korea, 1953.",
    "Security Treaty between Australia, New Zealand and the United States (ANZUS), 1951 "
    "(Arts. IV-V); US obligations to New Zealand suspended in 1986.",
    "Mutual Defense Treaty between the United States and the Republic of the Philippines, "
    "1951.",
    "Treaty of Friendship, Cooperation and Mutual Assistance between the People's Republic "
    "of China and the Democratic People's Republic of Korea, 1961 (Art. II).",
    "Treaty of Good-Neighbourliness and Friendly Cooperation between the People's Republic "
    "of China and the Russian Federation, 2001; Russia-DPRK Treaty of Friendship, "
    "Good-Neighbourliness and Cooperation, 2000 (consultation, no defence clause).",
    "Treaty on European Union, Art. 42(7) (mutual assistance; Sweden to Estonia).",
    "NATO, Individually Tailored Partnership Programme between NATO and Japan for "
    "2023-2026, 12 July 2023; ITPPs with Australia and the Republic of Korea, Vilnius "
    "Summit, July 2023 (New Zealand's under negotiation).",
    "Boulding, Kenneth E. (1962), Conflict and Defense: A General Theory, New York: Harper "
    "(loss-of-strength gradient).",
    "Powell, Robert (1999), In the Shadow of Power: States and Strategies in International "
    "Politics, Princeton University Press (status quo and the distribution of power).",
    "Weeks, Jessica L. (2012), 'Strongmen and Straw Men: Authoritarian Regimes and the "
    "Initiation of International Conflict', American Political Science Review "
    "106(2):326-347.",
    "Schelling, Thomas C. (1966), Arms and Influence, Yale University Press (tripwire "
    "forces).",
    "Press, Daryl G. (2005), Calculating Credibility: How Leaders Assess Military Threats, "
    "Cornell University Press; Weisiger, Alex and Keren Yarhi-Milo (2015), 'Revisiting "
    "Reputation: How Past Actions Matter in International Politics', International "
    "Organization 69(2):473-495 (how much one observed test should move a belief).",
    "US Department of Defense (2018), Summary of the National Defense Strategy of the United "
    "States of America (force sized to defeat aggression by one major power while deterring "
    "opportunistic aggression elsewhere, replacing the two-war standard); National Defense "
    "Strategy Commission (2018), Providing for the Common Defense (risk of being overwhelmed "
    "on two fronts).",
    "France's opposition to a NATO liaison office in Tokyo: Financial Times, 5 June 2023; "
    "Elysee official, 7 July 2023; Macron, Vilnius press conference, 12 July 2023 "
    "('geography is stubborn: the Indo-Pacific is not the North Atlantic').",
    "Hungary on NATO's Indo-Pacific partnerships: Foreign Minister Peter Szijjarto at the "
    "Washington summit, 11 July 2024 (Reuters): 'NATO is a defence alliance... we can't "
    "organise it into an anti-China bloc'.",
]


def accurate_settlement(view):
    """NashSplit settlement x with accurate perceptions: p - c_C + lambda (c_C + c_D)."""
    k = view.k
    return (view.p_accurate() - k["challengerCost"]
            + k["bargaining"]["challengerPower"] * (k["challengerCost"] + k["defenderCost"]))


def calibrate_status_quo(sc):
    """statusQuo q = the accurate-perception settlement rounded to the nearest 0.05.

    Powell (1999): a status quo that matches the distribution of power is stable; none of
    the three disputes was revised in mid-2023, so q is set where the balance (as the model
    measures it) puts the settlement. Not an observed share: see the docs table.
    """
    for k in sc["crises"]:
        x = accurate_settlement(CrisisView(sc, k))
        k["statusQuo"] = min(1.0, max(0.0, round(x * 20) / 20))


def nato_preferences():
    prefs = {}
    for sid in NATO_MEMBERS_MID_2023:   # member order, so the file order is fixed
        if sid in NATO_PREFERENCES:
            support, under_threat = NATO_PREFERENCES[sid]
            prefs[sid] = {"support": support, "supportUnderThreat": under_threat}
    return prefs


# --------------------------------------------------------------------------------------
# Variants (issue 13): named sets of overrides, each value with its rationale and sources;
# ranges and the findings they lead to in docs/scenarios/indo-pacific-2023.md, section 5.
# --------------------------------------------------------------------------------------

SRC_ITPP = ("NATO, Individually Tailored Partnership Programme between NATO and Japan "
            "2023-2026 (12 July 2023): dialogue, interoperability, cyber, maritime security, "
            "'reinforcing information sharing'.")
SRC_LIAISON = ("Reports of a NATO liaison office in Tokyo, NATO's first in Asia (Nikkei Asia, "
               "May 2023), held up by France's objection before the Vilnius summit (July 2023).")
SRC_SHIFRINSON = ("Joshua Shifrinson, quoted by the Japan Times (2023): deeper engagement may "
                  "make Beijing believe it faces greater Western opposition than it does, and "
                  "give it incentives to lash out preventively.")
SRC_LI = ("Li Shangfu, PRC Minister of National Defense, Shangri-La Dialogue, 4 June 2023: "
          "attempts to push for NATO-like alliances in the Asia-Pacific.")
SRC_VILNIUS = ("PRC Mission to the EU, response to NATO's Vilnius Summit Communique, July "
               "2023: opposes NATO's eastward move into the Asia-Pacific.")
SRC_SENKAKU = ("Japan-US Joint Leaders' Statement, 13 January 2023, and President Obama in "
               "Tokyo, 24 April 2014: Article V applies to the Senkaku Islands.")
SRC_BF = ("Berkemeier, Molly and Matthew Fuhrmann (2018), 'Reassessing the Fulfillment of "
          "Alliance Commitments in War', Research & Politics 5(2): 22% honoured 1945-2003.")
SRC_LEEDS = ("Leeds, Brett Ashley, Andrew G. Long and Sara McLaughlin Mitchell (2000), "
             "Journal of Conflict Resolution 44(5):686-699: 74.5% honoured 1816-1944.")
SRC_REVIEW = ("docs/scenarios/indo-pacific-2023.md, section 5 (this repository): the frontier "
              "where the preventive test fires, mapped by samples/sweeps/first-mechanism.sh.")

ENGAGEMENT_DEEPENED = {
    "signal": (0.6,
               "the ITPP in force and a liaison office in Tokyo: visible steps short of a "
               "pledge; 0.6 is where ten approved NATO votes take the partnership signal "
               "(+0.02 a vote), below the lowest US treaty signal (USA>PHL 0.8); defended "
               "range 0.4 (mid-2023) to 0.8",
               [SRC_ITPP, SRC_LIAISON]),
    "reliability": (0.1,
                    "still no defence obligation; 0.1 is where ten approved votes take it "
                    "(+0.005 a vote); defended range 0.05 (mid-2023) to 0.22, the post-1945 "
                    "honouring rate of formal alliances, which a partnership should not exceed",
                    [SRC_ITPP, SRC_BF]),
    "informationSharing": (0.035,
                           "the ITPP's 'reinforcing information sharing': the six ties "
                           "compound to 1 - 0.965^6 = 19% less noise for Japan, just below the "
                           "US alliance's own 0.2, the upper end of the defended range "
                           "0.03-0.037 a tie",
                           [SRC_ITPP]),
    "deepening.signal": (0.03,
                         "a liaison office and a three-year programme make visible steps "
                         "more frequent: +0.03 a period against +0.02 in mid-2023; defended "
                         "range 0.02-0.04 (an assumption: no measure of the pace exists)",
                         [SRC_ITPP, SRC_LIAISON]),
}


def engagement_overrides():
    out = []
    for field, (value, rationale, sources) in ENGAGEMENT_DEEPENED.items():
        for s in ITPP_SUPPORTERS:
            out.append({"path": f"commitments.{s}>JPN.{field}", "value": value,
                        "rationale": rationale, "sources": list(sources)})
    return out


def build_variants():
    preventive = engagement_overrides() + [
        {"path": "states.CHN.perception.opponentCredulity", "value": 0.0,
         "rationale": "Beijing discounts today's partnership pledges (not legally binding), "
                      "reading them at their reliability; its overrating lies in where the "
                      "engagement is heading (anticipation). At the shipped 0.5 (or 0.25) the "
                      "signals are already priced in and no closing window opens at this "
                      "variant's reach and costs; range 0-1",
         "sources": [SRC_SHIFRINSON, SRC_REVIEW]},
        {"path": "states.CHN.perception.anticipation", "value": 1.0,
         "rationale": "China expects the partnerships to become what their signals say "
                      "within the foresight (one year): 'where the engagement is heading'; "
                      "range 0-1, the top of it",
         "sources": [SRC_SHIFRINSON, SRC_VILNIUS]},
        {"path": "states.CHN.perception.cohesion", "value": 1.0,
         "rationale": "'an Asian NATO': China reads the partnerships with six members as "
                      "the whole alliance's commitment, every other member at the partners' "
                      "perceived reliability; range 0-1, the top of it",
         "sources": [SRC_LI, SRC_VILNIUS]},
        {"path": "states.CHN.perception.reach", "value": 0.75,
         "rationale": "NATO's reach into the region as Beijing describes it: European "
                      "projection into East Asia read as 0.76-0.78 instead of 0.05-0.1. "
                      "IMPLAUSIBLE by the loss-of-strength gradient the scenario uses; the "
                      "lowest reach at which the mechanism fires with the costs below "
                      "(0.5 gives no preventive war): a finding, not an estimate",
         "sources": [SRC_VILNIUS, SRC_REVIEW]},
        {"path": "crises.east-china-sea.challengerCost", "value": 0.02,
         "rationale": "IMPLAUSIBLE: a fifth of the shipped 0.1 (itself an assumption), for a "
                      "war between China and Japan with the United States. At the shipped "
                      "costs no value of the three perceptions opens a window: the whole of "
                      "NATO at full reach and commitment lowers China's perceived chance over "
                      "the year by about 0.16, while Powell's test then needs about 0.25. A "
                      "finding, not an estimate",
         "sources": [SRC_REVIEW]},
        {"path": "crises.east-china-sea.defenderCost", "value": 0.02,
         "rationale": "IMPLAUSIBLE, as the challenger's cost: the preventive threshold is "
                      "(1 - delta)(1 - p) + c_C + delta c_D",
         "sources": [SRC_REVIEW]},
    ]
    overconfidence = [
        {"path": "commitments.USA>JPN.signal", "value": 0.95,
         "rationale": "repeated presidential affirmations that Article V covers the Senkakus, "
                      "as loud as the US signal to South Korea (0.95); range 0.9-0.95",
         "sources": [SRC_SENKAKU]},
        {"path": "commitments.USA>JPN.reliability", "value": 0.3,
         "rationale": "a US that may not fight a nuclear China over uninhabited islands: near "
                      "the post-1945 honouring rate of 22%; defended range 0.22-0.745",
         "sources": [SRC_BF, SRC_LEEDS]},
        {"path": "states.JPN.perception.ownCredulity", "value": 1.0,
         "rationale": "Japan takes its coalition's public commitments at face value "
                      "(Shifrinson's second mechanism at its strongest); range 0-1",
         "sources": [SRC_SHIFRINSON, SRC_SENKAKU]},
    ]
    return [
        {"name": "engagement-deepened",
         "description": "The engagement the Japan Times article describes (the NATO-Japan ITPP "
                        "in force, a NATO liaison office in Tokyo, more information sharing) "
                        "as changes of NATO's six partnership ties to Japan, for comparing a "
                        "crisis with and without it.",
         "overrides": engagement_overrides()},
        {"name": "shifrinson-preventive",
         "description": "Shifrinson's first mechanism: with the engagement deepened, China "
                        "reads NATO and its partners as one bloc reaching into East Asia and "
                        "heading towards commitment, and strikes before the window closes. "
                        "It fires only with implausible reach and nearly free war (marked "
                        "IMPLAUSIBLE; docs/scenarios section 5).",
         "overrides": preventive},
        {"name": "shifrinson-overconfidence",
         "description": "Shifrinson's second mechanism: Japan takes the United States' "
                        "repeated Article V affirmations for the Senkakus at face value, while "
                        "the US commitment to fight for them is near the post-1945 honouring "
                        "rate.",
         "overrides": overconfidence},
    ]


def build_scenario(rows, trend):
    sc = {
        "$schema": SCHEMA_REF,
        "name": "indo-pacific-2023",
        "year": 2023,
        "description": DESCRIPTION,
        "sources": SOURCES,
        "states": build_states(rows, growth_rates(trend)),
        "alliances": [{
            "id": "NATO", "members": list(NATO_MEMBERS_MID_2023),
            "scope": ["Europe", "NorthAmerica"], "decisionRule": "Consensus",
            "memberReliability": NATO_MEMBER_RELIABILITY,
            "votePeriod": NATO_VOTE_PERIOD,
            "preferences": nato_preferences(),
        }],
        "commitments": build_commitments(),
        "crises": build_crises(),
        "periods": PERIODS,
        "learning": LEARNING,
        "priorStrength": PRIOR_STRENGTH,
        "overstretch": OVERSTRETCH,
        "variants": build_variants(),
    }
    calibrate_status_quo(sc)
    return sc


# --------------------------------------------------------------------------------------
# Validation of the DESIGN.md section 6 contract (a subset: what this script can get wrong)
# --------------------------------------------------------------------------------------

FIELDS = {
    "scenario": {"name", "year", "description", "sources", "states", "alliances",
                 "commitments", "crises", "periods", "learning", "priorStrength",
                 "overstretch", "variants", "$schema"},
    "state": {"id", "name", "capability", "homeRegion", "regions", "growthRate", "perception"},
    "perception": {"credulity", "noise", "supporterNoise", "capabilityBias", "ownCredulity",
                   "opponentCredulity", "reach", "anticipation", "cohesion"},
    "alliance": {"id", "members", "scope", "decisionRule", "memberReliability", "votePeriod",
                 "preferences"},
    "preference": {"support", "supportUnderThreat"},
    "commitment": {"supporter", "protege", "kind", "reliability", "signal", "scope",
                   "outOfScopeReliability", "deepening", "alliance", "informationSharing"},
    "deepening": {"reliability", "signal"},
    "crisis": {"id", "challenger", "defender", "theatre", "statusQuo", "challengerCost",
               "defenderCost", "discount", "decisiveness", "foresight", "bargaining",
               "escalation"},
    "theatre": {"region", "defaultProjection", "projection"},
    "bargaining": {"protocol", "challengerPower", "defenderCostUpperBound"},
    "escalation": {"target", "region", "probability"},
}


def validate(sc):
    errors = []

    def fields(obj, kind, path):
        for k in obj:
            if k not in FIELDS[kind]:
                errors.append(f"{path}.{k}: unknown field")

    def unit(x, path, open_=False):
        ok = 0 < x < 1 if open_ else 0 <= x <= 1
        if not (isinstance(x, (int, float)) and math.isfinite(x) and ok):
            errors.append(f"{path}: expected {'(0,1)' if open_ else '[0,1]'}, found {x}")

    def integer(x, path, low):
        if not (type(x) is int and x >= low):
            errors.append(f"{path}: expected an integer >= {low}, found {x!r}")

    fields(sc, "scenario", "$")
    integer(sc["periods"], "$.periods", 1)
    if type(sc["learning"]) is not bool:
        errors.append(f"$.learning: expected a boolean, found {sc['learning']!r}")
    if not (math.isfinite(sc["priorStrength"]) and sc["priorStrength"] >= 0):
        errors.append("$.priorStrength: expected a finite number >= 0")
    if not (math.isfinite(sc["overstretch"]) and sc["overstretch"] >= 1):
        errors.append("$.overstretch: expected a finite number >= 1")
    ids = {s["id"] for s in sc["states"]}
    for i, s in enumerate(sc["states"]):
        p = f"$.states[{i}]"
        fields(s, "state", p)
        if not s["capability"] > 0:
            errors.append(f"{p}.capability: expected > 0")
        g = s["growthRate"]
        if not (isinstance(g, float) and math.isfinite(g) and g > -1):
            errors.append(f"{p}.growthRate: expected a finite number > -1, found {g!r}")
        if s["homeRegion"] not in s["regions"]:
            errors.append(f"{p}.regions: lacks homeRegion")
        if "perception" in s:
            fields(s["perception"], "perception", p + ".perception")
            unit(s["perception"]["credulity"], p + ".perception.credulity")
    for i, a in enumerate(sc["alliances"]):
        fields(a, "alliance", f"$.alliances[{i}]")
        if len(set(a["members"])) != len(a["members"]) or not set(a["members"]) <= ids:
            errors.append(f"$.alliances[{i}].members: duplicates or unknown states")
        unit(a["memberReliability"], f"$.alliances[{i}].memberReliability")
        integer(a["votePeriod"], f"$.alliances[{i}].votePeriod", 1)
        for mbr, pref in a["preferences"].items():
            pp = f"$.alliances[{i}].preferences.{mbr}"
            if mbr not in a["members"]:
                errors.append(f"{pp}: not a member")
            fields(pref, "preference", pp)
            unit(pref["support"], pp + ".support")
            if pref["supportUnderThreat"] is not None:
                unit(pref["supportUnderThreat"], pp + ".supportUnderThreat")
    pairs = set()
    support = {}
    for i, c in enumerate(sc["commitments"]):
        p = f"$.commitments[{i}]"
        fields(c, "commitment", p)
        fields(c["deepening"], "deepening", p + ".deepening")
        if c["supporter"] not in ids or c["protege"] not in ids or c["supporter"] == c["protege"]:
            errors.append(f"{p}: bad supporter/protege")
        pair = (c["supporter"], c["protege"])
        if pair in pairs:
            errors.append(f"{p}: duplicate pair {pair}")
        pairs.add(pair)
        support.setdefault(c["protege"], set()).add(c["supporter"])
        unit(c["reliability"], p + ".reliability")
        unit(c["signal"], p + ".signal", open_=True)
        unit(c["outOfScopeReliability"], p + ".outOfScopeReliability")
        unit(c["informationSharing"], p + ".informationSharing")
        if c["kind"] not in ("CollectiveDefence", "BilateralDefence", "Partnership", "Alignment"):
            errors.append(f"{p}.kind: {c['kind']}")
        if "alliance" in c and c["alliance"] not in {a["id"] for a in sc["alliances"]}:
            errors.append(f"{p}.alliance: unknown")
    crisis_ids = set()
    for i, k in enumerate(sc["crises"]):
        p = f"$.crises[{i}]"
        fields(k, "crisis", p)
        fields(k["theatre"], "theatre", p + ".theatre")
        fields(k["bargaining"], "bargaining", p + ".bargaining")
        if k["id"] in crisis_ids:
            errors.append(f"{p}.id: duplicate")
        crisis_ids.add(k["id"])
        c, d = k["challenger"], k["defender"]
        if c == d or c not in ids or d not in ids:
            errors.append(f"{p}.defender: bad protagonists")
        both = (support.get(c, set()) & support.get(d, set())) - {c, d}
        if both:
            errors.append(f"{p}: states support both sides: {sorted(both)}")
        unit(k["theatre"]["defaultProjection"], p + ".theatre.defaultProjection")
        for sid, v in k["theatre"]["projection"].items():
            if sid not in ids:
                errors.append(f"{p}.theatre.projection.{sid}: unknown state")
            unit(v, f"{p}.theatre.projection.{sid}")
        for f in ("statusQuo", "challengerCost", "defenderCost"):
            unit(k[f], f"{p}.{f}")
        unit(k["discount"], p + ".discount", open_=True)
        unit(k["bargaining"]["challengerPower"], p + ".bargaining.challengerPower")
        if not 0 < k["bargaining"]["defenderCostUpperBound"] <= 1:
            errors.append(f"{p}.bargaining.defenderCostUpperBound: expected (0,1]")
        for j, e in enumerate(k["escalation"]):
            fields(e, "escalation", f"{p}.escalation[{j}]")
            if e["target"] not in ids:
                errors.append(f"{p}.escalation[{j}].target: unknown state")
            unit(e["probability"], f"{p}.escalation[{j}].probability")
    if errors:
        sys.exit("scenario invalid:\n  " + "\n  ".join(errors))


# --------------------------------------------------------------------------------------
# Sanity checks (DESIGN.md section 3), printed to stdout
# --------------------------------------------------------------------------------------


def logit(p):
    return math.log(p / (1 - p))


def logistic(x):
    return 1 / (1 + math.exp(-x))


def csf(x, y, m):
    return x ** m / (x ** m + y ** m)


class CrisisView:
    """One crisis as DESIGN.md section 3 sees it: the two sides and their supporters."""

    def __init__(self, sc, k):
        self.k = k
        self.states = {s["id"]: s for s in sc["states"]}
        c, d = k["challenger"], k["defender"]
        self.c, self.d = c, d
        th = k["theatre"]
        self.region = th["region"]
        self.proj = lambda sid: th["projection"].get(
            sid, 1.0 if sid in (c, d) else th["defaultProjection"])
        self.m = k["decisiveness"]
        # supporters of each side: commitments to C or D, not from C or D themselves
        self.sides = {c: [], d: []}
        for com in sc["commitments"]:
            if com["protege"] in self.sides and com["supporter"] not in (c, d):
                self.sides[com["protege"]].append(com)

    def cap(self, sid, h=0):
        """K, or K (1 + g)^h as the preventive test anticipates it h periods ahead."""
        s = self.states[sid]
        return s["capability"] * (1 + s["growthRate"]) ** h

    def rho(self, com, h=0):
        inscope = self.region in com["scope"]
        r = com["reliability"] if inscope else com["outOfScopeReliability"]
        return min(1.0, max(0.0, r + h * com["deepening"]["reliability"]))

    def signal(self, com, h=0):
        return min(1 - 1e-9, max(1e-9, com["signal"] + h * com["deepening"]["signal"]))

    def expected_strength(self, side):
        return self.cap(side) * self.proj(side) + sum(
            self.rho(j) * self.cap(j["supporter"]) * self.proj(j["supporter"])
            for j in self.sides[side])

    def p_accurate(self):
        return csf(self.expected_strength(self.c), self.expected_strength(self.d), self.m)

    def perception(self, i):
        per = self.states[i].get("perception", {})
        return per.get("credulity", 0.0), per.get("noise", 0.0)

    def rho_hat(self, kappa, rho, v):
        # logit(rho_hat) = (1-kappa) logit(rho) + kappa logit(v), the reliability kept inside
        # [1e-9, 1 - 1e-9] like the signal (DESIGN.md section 3's anchor rule); kappa = 0 sees rho itself
        if kappa == 0:
            return rho
        floor = 1e-9
        return logistic((1 - kappa) * logit(min(max(rho, floor), 1 - floor)) + kappa * logit(v))

    def perceived_p(self, i, h=0):
        """CSF of the strengths observer i perceives (before its optimism shock); with h > 0,
        after h periods of deepening and capability growth (the preventive test's foresight)."""
        kappa, _ = self.perception(i)
        s = {}
        for side in (self.c, self.d):
            s[side] = self.cap(side, h) * self.proj(side) + sum(
                self.rho_hat(kappa, self.rho(j, h), self.signal(j, h))
                * self.cap(j["supporter"], h) * self.proj(j["supporter"])
                for j in self.sides[side])
        return csf(s[self.c], s[self.d], self.m)

    def effective_noise(self, i):
        _, sigma = self.perception(i)
        for j in self.sides[i]:
            sigma *= 1 - j["informationSharing"]
        return sigma


def preventive_threshold(k, pc):
    """Smallest perceived decline p_hat_C - p_hat_C' that triggers preventive war."""
    dh = k["discount"] ** k["foresight"]
    return ((1 - dh) * (1 - pc) + k["challengerCost"] + dh * k["defenderCost"]) / dh


def simulate(view, nato, n, seed):
    """Independent Monte Carlo of one round of DESIGN.md section 3 (NashSplit, s = b = 0)."""
    k = view.k
    rng = random.Random(f"{seed}/{k['id']}")
    c, d = view.c, view.d
    cc, cd, q = k["challengerCost"], k["defenderCost"], k["statusQuo"]
    delta, h = k["discount"], k["foresight"]
    lam = k["bargaining"]["challengerPower"]
    base_c, base_c_next, base_d = (logit(view.perceived_p(c)), logit(view.perceived_p(c, h)),
                                   logit(view.perceived_p(d)))
    sig_c, sig_d = view.effective_noise(c), view.effective_noise(d)
    p_acc = view.p_accurate()
    dh = delta ** h
    counts = dict(deterred=0, concession=0, war=0, preventive=0, rational=0,
                  challengerMisperception=0, defenderMisperception=0, mutualMisperception=0,
                  challengerWins=0, natoTriggered=0)

    def bargain(pc, pd):
        lower, upper = pc - cc, pd + cd
        if lower > upper:
            return "war"
        x = min(1.0, max(0.0, lower + lam * (upper - lower)))
        return "deterred" if x <= q else "concession"

    for _ in range(n):
        eta_c, eta_d = rng.gauss(0, 1), rng.gauss(0, 1)
        pc = logistic(base_c + sig_c * eta_c)
        pc_next = logistic(base_c_next + sig_c * eta_c)
        pd = logistic(base_d - sig_d * eta_d)
        if dh * (pc - pc_next) > (1 - dh) * (1 - pc) + cc + dh * cd:
            outcome = "war"
            counts["preventive"] += 1
        else:
            outcome = bargain(pc, pd)
            if outcome == "war":
                war_c_acc = bargain(p_acc, pd) == "war"
                war_d_acc = bargain(pc, p_acc) == "war"
                if bargain(p_acc, p_acc) == "war":
                    counts["rational"] += 1
                elif not war_c_acc and war_d_acc:
                    counts["challengerMisperception"] += 1
                elif war_c_acc and not war_d_acc:
                    counts["defenderMisperception"] += 1
                else:
                    counts["mutualMisperception"] += 1
        counts[outcome] += 1
        if outcome != "war":
            continue
        # realised coalitions, escalation, alliance trigger, true p
        fighting = {}
        for side in (c, d):
            for j in view.sides[side]:
                if rng.random() < view.rho(j):
                    fighting[j["supporter"]] = side
        triggered = False
        for e in k["escalation"]:
            if rng.random() < e["probability"]:
                t = e["target"]
                if t not in fighting and any(j["supporter"] == t for j in view.sides[d]):
                    fighting[t] = d
                if nato and t in nato["members"] and e["region"] in nato["scope"]:
                    triggered = True
        if triggered:
            counts["natoTriggered"] += 1
            c_side = {j["supporter"] for j in view.sides[c]}
            for mbr in nato["members"]:
                if mbr not in fighting and mbr not in c_side and mbr not in (c, d):
                    if rng.random() < nato["memberReliability"]:
                        fighting[mbr] = d
        strength = {c: view.cap(c) * view.proj(c), d: view.cap(d) * view.proj(d)}
        for sid, side in fighting.items():
            strength[side] += view.cap(sid) * view.proj(sid)
        if rng.random() < csf(strength[c], strength[d], view.m):
            counts["challengerWins"] += 1
    return counts


def report(sc, trend, n_sim, seed):
    print(f"indo-pacific-2023: {len(sc['states'])} states, {len(sc['commitments'])} commitments, "
          f"NATO {len(sc['alliances'][0]['members'])} members")
    first, last = TREND_YEARS.start, TREND_YEARS.stop - 1
    print(f"\ngrowthRate g = exp(OLS slope of ln CINC on year, {first}-{last}) - 1:")
    print(f"  {'state':5} {'CINC ' + str(first):>14} {'CINC ' + str(last):>14} {'years':>5} "
          f"{'g':>9}")
    for s in sc["states"]:
        pts = dict(trend[s["id"]])
        n = sum(k is not None for k in pts.values())
        show = lambda k: "missing" if k is None else f"{k:.8g}"
        print(f"  {s['id']:5} {show(pts[first]):>14} {show(pts[last]):>14} {n:>5} "
              f"{s['growthRate']:>+9.6f}")
    nato = sc["alliances"][0]
    print(f"\ndynamics: periods {sc['periods']}, learning {str(sc['learning']).lower()}, "
          f"priorStrength {sc['priorStrength']}, overstretch {sc['overstretch']}; "
          f"NATO votes every {nato['votePeriod']} period(s), {nato['decisionRule']}")
    p_all, p_threat = 1.0, 1.0
    for mbr, pref in nato["preferences"].items():
        under = pref["supportUnderThreat"]
        p_all *= pref["support"]
        p_threat *= pref["support"] if under is None else under
        print(f"  {mbr}: support {pref['support']}, supportUnderThreat "
              f"{'null (= support)' if under is None else under}")
    print(f"  P(NATO deepens at a vote) = {p_all:.2f} (no member threatened), "
          f"{p_threat:.2f} (every listed member threatened)\n")
    cap = {s["id"]: s["capability"] for s in sc["states"]}
    # DESIGN.md section 3 oracles from the same CINC values
    p1 = csf(cap["CHN"], cap["USA"], 1)
    p2 = csf(cap["CHN"], sum(cap[s] for s in ("USA", "JPN", "KOR", "AUS", "NZL")), 1)
    print(f"oracles: CHN vs USA p = {p1:.6f} (DESIGN 0.654518); "
          f"CHN vs USA+AP4 p = {p2:.6f} (DESIGN 0.572310)")
    nato = sc["alliances"][0]
    for k in sc["crises"]:
        v = CrisisView(sc, k)
        sc_, sd_ = v.expected_strength(v.c), v.expected_strength(v.d)
        p = v.p_accurate()
        x = accurate_settlement(v)
        print(f"\n[{k['id']}] {v.c} vs {v.d} in {v.region}")
        print(f"  E[S({v.c})] = {sc_:.6f}  E[S({v.d})] = {sd_:.6f}  "
              f"p_acc = CSF(E[S(C)], E[S(D)]) = {p:.6f}")
        print(f"  accurate NashSplit settlement x = {x:.6f} -> statusQuo q = {k['statusQuo']!r}")
        t = sc["periods"]
        grown = {side: v.cap(side, t) * v.proj(side) + sum(
            v.rho(j) * v.cap(j["supporter"], t) * v.proj(j["supporter"]) for j in v.sides[side])
            for side in (v.c, v.d)}
        print(f"  p_acc after {t} periods of growth alone (no deepening, no learning) = "
              f"{csf(grown[v.c], grown[v.d], v.m):.6f}")
        for i in (v.c, v.d):
            print(f"  {i}: perceived p before its shock = {v.perceived_p(i):.6f}, "
                  f"effective noise = {v.effective_noise(i):.4f}")
        decline = v.perceived_p(v.c) - v.perceived_p(v.c, k["foresight"])
        print(f"  {v.c}'s perceived decline after {k['foresight']} period(s) of deepening "
              f"and growth = "
              f"{decline:.2e} (preventive war needs more than about "
              f"{preventive_threshold(k, v.perceived_p(v.c)):.3f})")
        if n_sim:
            cnt = simulate(v, nato, n_sim, seed)
            war = cnt["war"]
            print(f"  Monte Carlo ({n_sim} rounds, seed {seed}, Python's generator; "
                  f"approximate): deterred {cnt['deterred'] / n_sim:.4f}, "
                  f"concession {cnt['concession'] / n_sim:.4f}, war {war / n_sim:.4f}")
            if war:
                print("    war causes: " + ", ".join(
                    f"{key} {cnt[key] / war:.3f}" for key in
                    ("preventive", "challengerMisperception", "defenderMisperception",
                     "mutualMisperception", "rational"))
                    + f"; challenger wins {cnt['challengerWins'] / war:.3f}; "
                      f"NATO triggered {cnt['natoTriggered'] / war:.3f} (of wars)")


def render(sc):
    return json.dumps(sc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verify", action="store_true",
                    help="write nothing; exit 1 if the JSON on disk differs")
    ap.add_argument("--simulate", type=int, default=0, metavar="N",
                    help="also run an N-round Monte Carlo check of each crisis")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    rows = read_cinc(CSV_PATH)
    trend = read_cinc_trend(TREND_PATH, rows)
    sc = build_scenario(rows, trend)
    validate(sc)
    text = render(sc)
    rel = OUT_PATH.relative_to(ROOT)
    if args.verify:
        on_disk = OUT_PATH.read_text(encoding="utf-8") if OUT_PATH.exists() else None
        if on_disk != text:
            print(f"{rel} is out of date: run python3 tools/make_indo_pacific_2023.py",
                  file=sys.stderr)
            sys.exit(1)
        print(f"{rel} is up to date")
        if not args.simulate:
            return
    else:
        OUT_PATH.parent.mkdir(parents=True, exist_ok=True)
        with open(OUT_PATH, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print(f"wrote {rel}")
    report(sc, trend, args.simulate, args.seed)


if __name__ == "__main__":
    main()
