#!/usr/bin/env python3
"""A vectorised NumPy implementation of one round of DeterrenceSim (docs/DESIGN.md section 3), for the whole-process
speed comparison of issue 16 ("at least 100x NumPy per round"). Not a test, not part of .ci/run.

What it measures: run as a whole process (`/usr/bin/time python3 round.py ...`, as tools/numpy-comparison.sh does),
its wall time over --rounds is NumPy's cost per round, start-up included. It also prints the outcome counts with 95%
Wilson intervals, which must agree with `deterrence-sim run` on the same scenario within Monte Carlo error: that is
the evidence that both play the same model.

The round (the subset of section 3 the scenario uses; anything else in the file is refused, not ignored):
- Perceived reliability of supporter j by observer i (supporter noise 0, so constant across rounds and computed
  once): logit(rho_hat_ij) = (1 - kappa_ij) logit(rho_j) + kappa_ij logit(v_j), both kept inside [1e-9, 1 - 1e-9];
  kappa_ij is i's ownCredulity or opponentCredulity (default: credulity); rho_j is the reliability where the
  commitment's scope holds the theatre's region, else its outOfScopeReliability.
- Perceived strength of side A by i: (K_prot pi_prot + sum_j rho_hat_ij K_j pi_j) exp(b_i [A is not i's side]);
  L_i = logit CSF = m (ln S_hat_i(C) - ln S_hat_i(D)), a constant per observer.
- Per round: eta_C, eta_D ~ N(0, 1); p_hat_C = logistic(L_C + sigma_C eta_C), p_hat_D = logistic(L_D - sigma_D eta_D)
  (sigma shrunk by prod(1 - phi_j) over the observer's own supporters: information sharing).
- Preventive test: with no deepening and no growth the foresight belief equals the present one, so the test
  (delta^H (p_hat - p_hat') > (1 - delta^H)(1 - p_hat) + c_C + delta^H c_D) never strikes; such files only.
- NashSplit: war iff p_hat_C - c_C > p_hat_D + c_D; else x = clip(lower + lambda (upper - lower), 0, 1) with
  lower = p_hat_C - c_C, upper = p_hat_D + c_D; deterred iff x <= statusQuo, else concession.
- War (no escalation): each supporter fights with its true reliability (a uniform per supporter, drawn only in war
  rounds, as the engine may: section 7), S(A) = K_prot pi_prot + sum of fighting K_j pi_j, and C wins iff a uniform
  is below CSF(S(C), S(D)) = S(C)^m / (S(C)^m + S(D)^m).
With --exact the war rate is also computed by quadrature over the challenger's shock (exactWar), a third check.
Rounds go in batches (--batch) with preallocated buffers: no Python loop per round, one generator (numpy's
default_rng, PCG64) for the whole run. With --per-round they go one at a time instead (a Python loop over rounds,
NumPy within the round), as agent-based models are usually written in Python. The C# engine also attributes every war (by side and by mechanism); this does
not, so the comparison favours NumPy.

Run: python3 benchmarks/numpy/round.py [--scenario benchmarks/numpy/synthetic-38.json] [--rounds 5000000]
     [--batch 65536] [--seed 1] [--format text|json] [--exact] [--support-every-round | --per-round]
Needs NumPy (Debian: apt-get install -y python3-numpy, for /usr/bin/python3).
"""
import argparse
import json
import math
import os
import sys

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one thread (this workload calls no BLAS, but be sure)

np = None  # NumPy, imported by main() after the arguments are read (so --help works without it)

FLOOR = 1e-9
Z = 1.959963984540054


def logit(p):
    p = min(max(p, FLOOR), 1 - FLOOR)
    return math.log(p / (1 - p))


def logistic(x):
    return 1 / (1 + math.exp(-x))


def refuse(what):
    sys.exit(f"round.py: this implementation does not model {what}")


def check_scenario(doc, path):
    """The ranges DeterrenceSim's loader enforces for the fields this implementation reads (it validates files fully;
    this only refuses what would otherwise be played silently). Exits with a one-line message naming the field."""
    missing = object()

    def fail(where, expected, found):
        sys.exit(f"round.py: {path}: {where}: expected {expected}, found {'nothing' if found is missing else repr(found)}")

    def number(obj, key, where, low, high, open_low=False, open_high=False, default=None):
        value = obj.get(key, default)
        if default is None and key not in obj:
            fail(f"{where}.{key}", "a number", missing)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value != value:
            fail(f"{where}.{key}", "a number", value)
        if value < low or value > high or (open_low and value == low) or (open_high and value == high):
            fail(f"{where}.{key}", f"a number in {'(' if open_low else '['}{low}, {high}{')' if open_high else ']'}", value)
        return value

    if not isinstance(doc, dict) or not isinstance(doc.get("states"), list) or not isinstance(doc.get("crises"), list):
        fail("$", "a scenario object with states and crises arrays", type(doc).__name__)
    ids = set()
    for i, st in enumerate(doc["states"]):
        if not isinstance(st, dict) or not isinstance(st.get("id"), str):
            fail(f"$.states[{i}].id", "a string", st.get("id") if isinstance(st, dict) else st)
        ids.add(st["id"])
        number(st, "capability", f"$.states[{i}]", 0, math.inf, open_low=True, open_high=True)
        per = st.get("perception") or {}
        if not isinstance(per, dict):
            fail(f"$.states[{i}].perception", "an object", per)
        for key in ("credulity", "ownCredulity", "opponentCredulity"):
            if per.get(key) is not None:
                number(per, key, f"$.states[{i}].perception", 0, 1)
        for key in ("noise", "supporterNoise"):
            if key in per:
                number(per, key, f"$.states[{i}].perception", 0, math.inf, open_high=True)
        if "capabilityBias" in per:
            number(per, "capabilityBias", f"$.states[{i}].perception", -math.inf, math.inf, True, True)
    commitments = doc.get("commitments", [])
    if not isinstance(commitments, list) or not all(isinstance(c, dict) for c in commitments):
        fail("$.commitments", "an array of objects", commitments)
    if not doc["crises"] or not all(isinstance(c, dict) for c in doc["crises"]):
        fail("$.crises", "a non-empty array of objects", doc["crises"])
    for i, c in enumerate(commitments):
        where = f"$.commitments[{i}]"
        for key in ("supporter", "protege"):
            if c.get(key) not in ids:
                fail(f"{where}.{key}", "the id of a state", c.get(key))
        number(c, "reliability", where, 0, 1)
        number(c, "signal", where, 0, 1, open_low=True, open_high=True)
        if "outOfScopeReliability" in c:
            number(c, "outOfScopeReliability", where, 0, 1)
        if "informationSharing" in c:
            number(c, "informationSharing", where, 0, 1)
        if not isinstance(c.get("scope", []), list):
            fail(f"{where}.scope", "an array of regions", c.get("scope"))
    for i, c in enumerate(doc["crises"]):
        where = f"$.crises[{i}]"
        for key in ("challenger", "defender"):
            if c.get(key) not in ids:
                fail(f"{where}.{key}", "the id of a state", c.get(key))
        if c["challenger"] == c["defender"]:
            fail(f"{where}.defender", "a state other than the challenger", c["defender"])
        number(c, "statusQuo", where, 0, 1)
        number(c, "challengerCost", where, 0, math.inf, open_high=True)
        number(c, "defenderCost", where, 0, math.inf, open_high=True)
        number(c, "decisiveness", where, 0, math.inf, open_low=True, open_high=True, default=1.0)
        number(c.get("bargaining") or {}, "challengerPower", f"{where}.bargaining", 0, 1, default=0.5)
        theatre = c.get("theatre") if isinstance(c.get("theatre"), dict) else {}
        if "defaultProjection" in theatre:
            number(theatre, "defaultProjection", f"{where}.theatre", 0, math.inf, open_high=True)
        projection = theatre.get("projection", {})
        if not isinstance(projection, dict):
            fail(f"{where}.theatre.projection", "an object of state ids and numbers", projection)
        for sid in projection:
            number(projection, sid, f"{where}.theatre.projection", 0, math.inf, open_high=True)
        if not isinstance(c.get("theatre"), dict) or not isinstance(c["theatre"].get("region"), str):
            fail(f"{where}.theatre.region", "a string", (c.get("theatre") or {}).get("region") if isinstance(c.get("theatre"), dict) else c.get("theatre"))


def compile_crisis(doc, crisis_id):
    """The round's constants from the scenario file: per-observer logits, noises, and the war step's arrays."""
    states = {s["id"]: s for s in doc["states"]}
    crises = doc["crises"]
    crisis = next((c for c in crises if c["id"] == crisis_id), None) if crisis_id else crises[0]
    if crisis is None:
        sys.exit(f"round.py: no crisis {crisis_id!r}")
    bargaining = crisis.get("bargaining", {})
    if bargaining.get("protocol", "NashSplit") != "NashSplit":
        refuse("a protocol other than NashSplit")
    if crisis.get("escalation"):
        refuse("escalation")
    if doc.get("alliances"):
        refuse("alliances (cohesion, escalation joins)")
    cid, did = crisis["challenger"], crisis["defender"]
    theatre = crisis["theatre"]
    region, projection = theatre["region"], theatre.get("projection", {})
    default_pi = theatre.get("defaultProjection", 1.0)
    m = crisis.get("decisiveness", 1.0)

    side, k_pi, rho, signal, phi = [], [], [], [], []
    for c in doc.get("commitments", []):
        if c["protege"] not in (cid, did) or c["supporter"] in (cid, did):
            continue  # plays no part in this crisis
        dep = c.get("deepening", {})
        if dep.get("reliability", 0) or dep.get("signal", 0):
            refuse("deepening (the preventive test)")
        side.append(0 if c["protege"] == cid else 1)
        k_pi.append(states[c["supporter"]]["capability"] * projection.get(c["supporter"], default_pi))
        rho.append(c["reliability"] if region in c.get("scope", []) else c.get("outOfScopeReliability", 0.0))
        signal.append(c["signal"])
        phi.append(c.get("informationSharing", 0.0))
    if any(s.get("growthRate", 0) for s in doc["states"]):
        refuse("capability growth (the preventive test)")
    prot = [states[x]["capability"] * projection.get(x, 1.0) for x in (cid, did)]

    observers = []
    for i, sid in enumerate((cid, did)):
        per = states[sid].get("perception", {})
        for key in ("supporterNoise", "reach", "anticipation", "cohesion"):
            if per.get(key, 0):
                refuse(key)
        kappa = per.get("credulity", 0.0)
        own, opp = per.get("ownCredulity", kappa), per.get("opponentCredulity", kappa)
        own = kappa if own is None else own
        opp = kappa if opp is None else opp
        strength = list(prot)
        sharing = 1.0
        for j in range(len(side)):
            k = own if side[j] == i else opp
            strength[side[j]] += logistic((1 - k) * logit(rho[j]) + k * logit(signal[j])) * k_pi[j]
            if side[j] == i:
                sharing *= 1 - phi[j]
        strength[1 - i] *= math.exp(per.get("capabilityBias", 0.0))
        observers.append((m * (math.log(strength[0]) - math.log(strength[1])), per.get("noise", 0.0) * sharing))

    side, k_pi = np.array(side), np.array(k_pi)
    return {
        "crisis": crisis["id"], "m": m, "observers": observers,
        "cC": crisis["challengerCost"], "cD": crisis["defenderCost"], "q": crisis["statusQuo"],
        "lam": bargaining.get("challengerPower", 0.5),
        "prot": np.array(prot), "rho": np.array(rho),
        "strengths": np.stack([np.where(side == 0, k_pi, 0.0), np.where(side == 1, k_pi, 0.0)], axis=1),
    }


def play(model, rounds, batch, seed, support_every_round=False):
    """Plays the rounds in batches; returns the counts of deterred, concession, war and challenger victories. With
    support_every_round, realised support is drawn in every round and the war rounds' rows kept (a slower draw
    schedule, for comparison only)."""
    rng = np.random.default_rng(seed)
    (lc, sc), (ld, sd) = model["observers"]
    cost = model["cC"] + model["cD"]
    lam, q = model["lam"], model["q"]
    rho = model["rho"]
    strengths, prot = model["strengths"], model["prot"]  # (supporters, 2): K_j pi_j in column C or D
    m = model["m"]
    eta = np.empty(2 * batch)
    pc, pd, x = np.empty(batch), np.empty(batch), np.empty(batch)
    war = np.empty(batch, dtype=bool)
    deterred = concession = wars = victories = 0
    done = 0
    while done < rounds:
        n = min(batch, rounds - done)
        e = eta[:2 * n]
        rng.standard_normal(out=e)
        e = e.reshape(2, n)
        a, b, mx, w = pc[:n], pd[:n], x[:n], war[:n]
        # p_hat_C = logistic(L_C + sigma_C eta_C), p_hat_D = logistic(L_D - sigma_D eta_D), in place
        np.multiply(e[0], -sc, out=a); a -= lc; np.exp(a, out=a); a += 1.0; np.reciprocal(a, out=a)
        np.multiply(e[1], sd, out=b); b -= ld; np.exp(b, out=b); b += 1.0; np.reciprocal(b, out=b)
        # war iff p_hat_C - c_C > p_hat_D + c_D
        np.subtract(a, b, out=mx)
        np.greater(mx, cost, out=w)
        nw = int(np.count_nonzero(w))
        # settlement x = lower + lambda (upper - lower), upper - lower = (p_hat_D + c_D) - (p_hat_C - c_C)
        np.subtract(cost, mx, out=mx); mx *= lam; mx += a; mx -= model["cC"]
        np.clip(mx, 0.0, 1.0, out=mx)
        d = int(np.count_nonzero((mx <= q) & ~w))
        deterred += d
        concession += n - nw - d
        wars += nw
        if nw or support_every_round:
            if support_every_round:
                fights = (rng.random((n, rho.size)) < rho)[w]
            else:
                fights = rng.random((nw, rho.size)) < rho  # realised support, war rounds only
            s = fights.astype(np.float64) @ strengths + prot  # S(C), S(D) per war round
            if m != 1.0:
                s **= m
            victories += int(np.count_nonzero(rng.random(nw) * (s[:, 0] + s[:, 1]) < s[:, 0]))
        done += n
    return deterred, concession, wars, victories


def play_per_round(model, rounds, seed):
    """The same rounds one at a time, as an agent-based model is usually written in Python: a loop over rounds, NumPy
    vectorised within the round (the two observers' beliefs together; the supporters' realised support in war).
    Returns what play returns. This is the kind of implementation issue 16's 3.6 us a round was measured on."""
    rng = np.random.default_rng(seed)
    (lc, sc), (ld, sd) = model["observers"]
    logits, scales = np.array([lc, ld]), np.array([sc, -sd])  # p_hat_D = logistic(L_D - sigma_D eta_D)
    c_c, c_d, lam, q = model["cC"], model["cD"], model["lam"], model["q"]
    rho, strengths, prot, m = model["rho"], model["strengths"], model["prot"], model["m"]
    deterred = concession = wars = victories = 0
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-(logits + scales * rng.standard_normal(2))))
        lower, upper = p[0] - c_c, p[1] + c_d
        if lower > upper:
            wars += 1
            s = (rng.random(rho.size) < rho) @ strengths + prot  # S(C), S(D)
            if m != 1.0:
                s = s ** m
            victories += int(rng.random() * (s[0] + s[1]) < s[0])
        elif min(max(lower + lam * (upper - lower), 0.0), 1.0) <= q:
            deterred += 1
        else:
            concession += 1
    return deterred, concession, wars, victories


def exact_war(model):
    """P(war) by quadrature over eta_C (no Monte Carlo): war iff p_hat_D < p_hat_C - c_C - c_D, i.e. iff
    eta_D > (L_D - logit(p_hat_C - c_C - c_D)) / sigma_D. A third check of both implementations."""
    (lc, sc), (ld, sd) = model["observers"]
    eta = np.linspace(-12.0, 12.0, 48_001)
    t = 1 / (1 + np.exp(-(lc + sc * eta))) - model["cC"] - model["cD"]
    lt = np.log(np.where(t > 0, t, np.nan) / (1 - t))
    if sd > 0:
        tail = np.array([0.5 * math.erfc((ld - v) / sd / math.sqrt(2)) if v == v else 0.0 for v in lt])
    else:
        tail = np.where(lt > ld, 1.0, 0.0)
    density = np.exp(-eta * eta / 2) / math.sqrt(2 * math.pi)
    return float(np.sum(density * tail) * (eta[1] - eta[0]))


def wilson(count, n):
    if n == 0:
        return {"count": 0, "estimate": None, "lower": 0.0, "upper": 1.0}
    p = count / n
    den = 1 + Z * Z / n
    centre = (p + Z * Z / (2 * n)) / den
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / den
    return {"count": count, "estimate": p, "lower": max(0.0, centre - half), "upper": min(1.0, centre + half)}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scenario", default=os.path.join(here, "synthetic-38.json"))
    ap.add_argument("--crisis")
    ap.add_argument("--rounds", type=int, default=5_000_000)
    ap.add_argument("--batch", type=int, default=65_536)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=("text", "json"), default="text")
    ap.add_argument("--exact", action="store_true", help="also compute P(war) by quadrature (untimed runs: ~25 ms)")
    ap.add_argument("--support-every-round", action="store_true",
                    help="draw realised support in every round, not only in war rounds (slower; for comparison)")
    ap.add_argument("--per-round", action="store_true",
                    help="a Python loop over rounds, NumPy within each round (no batches; --batch is ignored)")
    args = ap.parse_args()
    if args.per_round and args.support_every_round:
        sys.exit("round.py: --support-every-round applies to batches only, not with --per-round")
    # --rounds at most 2^53, as the C# CLI; a batch larger than the run is the run.
    for name, value, low, high in (("--rounds", args.rounds, 1, 2**53), ("--batch", args.batch, 1, math.inf),
                                   ("--seed", args.seed, 0, 2**64 - 1)):
        if not low <= value <= high:
            bound = f"of at least {low}" if high == math.inf else f"from {low} to {high}"
            sys.exit(f"round.py: {name}: expected an integer {bound}, found {value}")
    args.batch = min(args.batch, args.rounds)
    global np
    try:
        import numpy
    except ImportError:
        sys.exit(f"round.py: NumPy is not installed for {sys.executable} (Debian: apt-get install -y python3-numpy, "
                 "which installs it for /usr/bin/python3; elsewhere: pip install numpy)")
    np = numpy
    try:
        with open(args.scenario, encoding="utf-8") as f:
            doc = json.load(f)
    except OSError as e:
        sys.exit(f"round.py: --scenario: cannot read {args.scenario}: {e.strerror or e}")
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        sys.exit(f"round.py: {args.scenario}: expected well-formed JSON, found {e}")
    try:
        check_scenario(doc, args.scenario)
        model = compile_crisis(doc, args.crisis)
    except (KeyError, TypeError, AttributeError, ValueError, OverflowError, IndexError, StopIteration) as e:
        # A shape check_scenario does not look at: this reader is not DeterrenceSim's loader, which names the field.
        sys.exit(f"round.py: {args.scenario}: cannot read the scenario ({type(e).__name__}: {e}); "
                 f"`deterrence-sim run -s {args.scenario}` names what is wrong")
    if args.per_round:
        deterred, concession, wars, victories = play_per_round(model, args.rounds, args.seed)
    else:
        deterred, concession, wars, victories = play(model, args.rounds, args.batch, args.seed,
                                                     args.support_every_round)
    n = args.rounds
    doc = {"implementation": f"numpy {np.__version__}", "crisis": model["crisis"], "rounds": n, "seed": args.seed,
           "batch": None if args.per_round else args.batch, "perRound": args.per_round,
           "supportEveryRound": args.support_every_round,
           "outcomes": {"deterred": wilson(deterred, n), "concession": wilson(concession, n), "war": wilson(wars, n)},
           "challengerVictoryGivenWar": wilson(victories, wars)}
    if args.exact:
        doc["exactWar"] = exact_war(model)
    if args.format == "json":
        print(json.dumps(doc, indent=2))
        return
    for key, iv in list(doc["outcomes"].items()) + [("challengerVictoryGivenWar", doc["challengerVictoryGivenWar"])]:
        estimate = "-" if iv["estimate"] is None else f"{iv['estimate']:.6f}"
        print(f"{key:26} {iv['count']:>10} {estimate:>8} [{iv['lower']:.6f}, {iv['upper']:.6f}]")
    if args.exact:
        print(f"{'war, exact (quadrature)':37} {doc['exactWar']:.6f}")


if __name__ == "__main__":
    main()
