using DeterrenceSim.Engine;

namespace DeterrenceSim.Calibration;

/// <summary>
/// A compiled population of historical crises (<see cref="MidPopulation.Compile"/>): per crisis the expected strengths,
/// the accurate win probability and the supporters in struct-of-arrays form. One dispute is one round of DESIGN.md
/// section 3 with what the data hold: no credulity (signals equal reliabilities), no supporter noise or capability bias,
/// the Nash split, no deepening or growth (so the preventive test never fires), and no escalation. The calibrated
/// parameters (<see cref="PopulationParameters"/>) enter only at play time. Thread-safe: <see cref="Simulate"/> writes
/// only into the caller's buffers.
/// </summary>
public sealed class HistoricalPopulation
{
    internal HistoricalPopulation(MidPopulation source, PopulationRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();
        var disputes = source.Placed;
        if (disputes.Count == 0)
        {
            throw new InvalidOperationException($"no dispute of {source.Name} from {source.FromYear} to {source.ToYear} is placed: nothing to simulate");
        }

        Source = source;
        Rules = rules;
        int n = disputes.Count;
        _logitAccurate = new double[n];
        _challengerStrength = new double[n];
        _defenderStrength = new double[n];
        _supporterStart = new int[n + 1];
        _accurate = new double[n];
        var strength = new List<double>();
        var reliability = new List<double>();
        var forChallenger = new List<bool>();
        for (int i = 0; i < n; i++)
        {
            var d = disputes[i];
            _supporterStart[i] = strength.Count;
            _challengerStrength[i] = d.ChallengerCapability * rules.Projection(d.ChallengerDistanceKm);
            _defenderStrength[i] = d.DefenderCapability;
            double expectedC = _challengerStrength[i], expectedD = _defenderStrength[i];
            foreach (var s in d.Supporters)
            {
                double k = s.Capability * rules.Projection(s.DistanceKm);
                double rho = s.CoOriginator ? 1 : rules.Reliability;
                strength.Add(k);
                reliability.Add(rho);
                forChallenger.Add(s.ForChallenger);
                if (s.ForChallenger)
                {
                    expectedC += rho * k;
                }
                else
                {
                    expectedD += rho * k;
                }
            }

            // p_acc = CSF(E[S(C)], E[S(D)]) (DESIGN.md section 3); a side of zero strength loses for sure.
            _accurate[i] = Csf(expectedC, expectedD, rules.Decisiveness);
            _logitAccurate[i] = rules.Decisiveness * (Math.Log(expectedC) - Math.Log(expectedD));
        }

        _supporterStart[n] = strength.Count;
        AccurateWinProbability = _accurate;
        _supporterStrength = [.. strength];
        _supporterReliability = [.. reliability];
        _supporterForChallenger = [.. forChallenger];
        _disputeKey = [.. disputes.Select(d => SplitMix64.Mix((ulong)(uint)d.Id))];
        Observed = [.. disputes.Select(d => d.Outcome)];
        ObservedChallengerWon = [.. disputes.Select(d => d.ChallengerWonWar)];
        StartYear = [.. disputes.Select(d => d.StartYear)];

        // Capability-ratio terciles (Bremer 1992: parity and war): the population's own 1/3 and 2/3 quantiles of the
        // challenger's capability share, so each tercile holds about a third of the placed disputes.
        var shares = disputes.Select(d => d.CapabilityShare).Order().ToArray();
        TercileBounds = (shares[(n - 1) / 3], shares[(2 * (n - 1)) / 3]);
        Tercile = [.. disputes.Select(d => d.CapabilityShare <= TercileBounds.Lower ? 0 : d.CapabilityShare <= TercileBounds.Upper ? 1 : 2)];
    }

    private readonly double[] _logitAccurate;

    // Each crisis's part of its stream key, from its dispute number: a crisis's draws do not depend on the others.
    private readonly ulong[] _disputeKey;
    private readonly double[] _accurate;
    private readonly double[] _challengerStrength;
    private readonly double[] _defenderStrength;
    private readonly int[] _supporterStart;
    private readonly double[] _supporterStrength;
    private readonly double[] _supporterReliability;
    private readonly bool[] _supporterForChallenger;

    /// <summary>Gets the population it was compiled from.</summary>
    public MidPopulation Source { get; }

    /// <summary>Gets the placement rules.</summary>
    public PopulationRules Rules { get; }

    /// <summary>Gets the number of crises (placed disputes).</summary>
    public int Count => _logitAccurate.Length;

    /// <summary>Gets p_acc of each crisis, CSF(E[S(C)], E[S(D)]). Range: [0, 1].</summary>
    public IReadOnlyList<double> AccurateWinProbability { get; }

    /// <summary>Gets each crisis's recorded outcome.</summary>
    public IReadOnlyList<HistoricalOutcome> Observed { get; }

    /// <summary>Gets, for each crisis that was a war with a victor, whether the challenger won.</summary>
    public IReadOnlyList<bool?> ObservedChallengerWon { get; }

    /// <summary>Gets each crisis's start year.</summary>
    public IReadOnlyList<int> StartYear { get; }

    /// <summary>Gets each crisis's capability-ratio tercile, 0 (the challenger weakest) to 2.</summary>
    public IReadOnlyList<int> Tercile { get; }

    /// <summary>Gets the upper bounds of the first two terciles of the challenger's capability share.</summary>
    public (double Lower, double Upper) TercileBounds { get; }

    /// <summary>
    /// Plays every crisis once with the parameters (DESIGN.md section 3): optimism shocks η_C, η_D ~ N(0, 1) give
    /// p̂_C = logistic(L + σ η_C) and p̂_D = logistic(L − σ η_D), L = logit p_acc; war iff p̂_C − c &gt; p̂_D + c (Fearon
    /// 1995); else the Nash split x, deterred iff x ≤ q = clamp(p_acc − d, 0, 1), else a concession; in war the allies
    /// fight with their reliabilities and the challenger wins with the CSF of the realised strengths. Crisis i draws from
    /// streams keyed by (<paramref name="key"/>, its dispute number), so its draws do not depend on the other crises.
    /// </summary>
    /// <param name="parameters">The calibrated parameters.</param>
    /// <param name="key">The key of this simulated data set.</param>
    /// <param name="outcomes">One outcome per crisis (never <see cref="HistoricalOutcome.Unclassified"/>), filled.</param>
    /// <param name="challengerWon">Per crisis: 1 if a war the challenger won, 0 if a war it lost, −1 without war; filled.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of its range.</exception>
    /// <exception cref="ArgumentException">A buffer is shorter than <see cref="Count"/>.</exception>
    public void Simulate(PopulationParameters parameters, ulong key, Span<HistoricalOutcome> outcomes, Span<sbyte> challengerWon)
    {
        parameters.Validate();
        if (outcomes.Length < Count || challengerWon.Length < Count)
        {
            throw new ArgumentException($"expected buffers of at least {Count} crises, found {outcomes.Length} and {challengerWon.Length}");
        }

        double sigma = parameters.Noise, cost = parameters.Cost;
        var terms = new BargainingTerms(0, cost, Rules.ChallengerPower, 0);
        for (int i = 0; i < Count; i++)
        {
            ulong round = RandomStreams.RoundKey(SplitMix64.Mix(key ^ _disputeKey[i]), 0);
            var shock = RandomStreams.Stream(round, StreamPurpose.Shock);
            shock.NextNormalPair(out double etaC, out double etaD);
            double logit = _logitAccurate[i];
            double pC = LogisticPerception.Belief(logit, sigma, etaC);
            double pD = LogisticPerception.Belief(logit, sigma, -etaD);
            if (!NashSplit.IsWar(in terms, pC, pD, cost, out double settlement))
            {
                double statusQuo = Math.Clamp(_accurate[i] - parameters.Dissatisfaction, 0, 1);
                outcomes[i] = settlement <= statusQuo ? HistoricalOutcome.Deterred : HistoricalOutcome.Concession;
                challengerWon[i] = -1;
                continue;
            }

            outcomes[i] = HistoricalOutcome.War;
            var support = RandomStreams.Stream(round, StreamPurpose.Support);
            double c = _challengerStrength[i], d = _defenderStrength[i];
            for (int j = _supporterStart[i]; j < _supporterStart[i + 1]; j++)
            {
                if (support.NextDouble() < _supporterReliability[j])
                {
                    if (_supporterForChallenger[j])
                    {
                        c += _supporterStrength[j];
                    }
                    else
                    {
                        d += _supporterStrength[j];
                    }
                }
            }

            var victory = RandomStreams.Stream(round, StreamPurpose.Victory);
            challengerWon[i] = victory.NextDouble() < Csf(c, d, Rules.Decisiveness) ? (sbyte)1 : (sbyte)0;
        }
    }

    private static double Csf(double x, double y, double m)
    {
        if (x <= 0 || y <= 0)
        {
            return x > 0 ? 1 : y > 0 ? 0 : 0.5;
        }

        return 1 / (1 + Math.Pow(y / x, m));
    }
}
