using DeterrenceSim.Compilation;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>Sums replication traces, taken in replication order so floating-point sums never depend on threads.</summary>
internal sealed class DynamicsAccumulator
{
    private readonly CompiledScenario _scenario;
    private readonly int _periods;
    private readonly int _crises;
    private readonly int _commitments;
    private readonly long[] _outcomeByPeriod; // [crisis][period][outcome]
    private readonly long[] _causes; // [crisis][cause]
    private readonly long[] _mechanisms; // [crisis][MechanismLayout]
    private readonly long[] _anyWar; // [crisis]
    private readonly Sums[] _firstWar; // [crisis]
    private readonly Sums[] _share; // [crisis]
    private readonly Sums[] _concession; // [crisis]
    private readonly Sums[] _belief; // [commitment][period]
    private readonly Sums[] _final; // [commitment][belief, reliability, signal]
    private long _anyWarAll;
    private Sums _firstWarAll;
    private int _replications;

    public DynamicsAccumulator(CompiledScenario scenario, int periods)
    {
        _scenario = scenario;
        _periods = periods;
        _crises = scenario.Crises.Length;
        _commitments = scenario.Reliability.Length;
        _outcomeByPeriod = new long[_crises * periods * OutcomeLayout.Outcomes];
        _causes = new long[_crises * OutcomeLayout.Causes];
        _mechanisms = new long[_crises * MechanismLayout.Length];
        _anyWar = new long[_crises];
        _firstWar = new Sums[_crises];
        _share = new Sums[_crises];
        _concession = new Sums[_crises];
        _belief = new Sums[_commitments * periods];
        _final = new Sums[_commitments * 3];
    }

    public void Add(ReplicationTrace trace)
    {
        _replications++;
        int firstAll = -1;
        for (int k = 0; k < _crises; k++)
        {
            var crisis = _scenario.Crises[k];
            int first = -1, wars = 0;
            double conceded = 0;
            for (int t = 0; t < _periods; t++)
            {
                ref var r = ref trace.Records[(t * _crises) + k];
                _outcomeByPeriod[(((k * _periods) + t) * OutcomeLayout.Outcomes) + (int)r.Outcome]++;
                if (r.Outcome == Outcome.War)
                {
                    _causes[(k * OutcomeLayout.Causes) + (int)r.Cause]++;
                    MechanismLayout.Add(
                        _mechanisms.AsSpan(k * MechanismLayout.Length, MechanismLayout.Length),
                        in r,
                        trace.Shapley.AsSpan(((t * _crises) + k) * MechanismGame.MaxPlayers, MechanismGame.MaxPlayers));
                    wars++;
                    if (first < 0)
                    {
                        first = t + 1;
                    }
                }
                else if (r.Outcome == Outcome.Concession)
                {
                    conceded += r.Settlement - crisis.StatusQuo;
                }
            }

            if (first > 0)
            {
                _anyWar[k]++;
                _firstWar[k].Add(first);
                firstAll = firstAll < 0 ? first : Math.Min(firstAll, first);
            }

            _share[k].Add((double)wars / _periods);
            _concession[k].Add(conceded);
        }

        if (firstAll > 0)
        {
            _anyWarAll++;
            _firstWarAll.Add(firstAll);
        }

        for (int c = 0; c < _commitments; c++)
        {
            for (int t = 0; t < _periods; t++)
            {
                _belief[(c * _periods) + t].Add(trace.Belief[(t * _commitments) + c]);
            }

            _final[c * 3].Add(trace.FinalBelief[c]);
            _final[(c * 3) + 1].Add(trace.FinalReliability[c]);
            _final[(c * 3) + 2].Add(trace.FinalSignal[c]);
        }
    }

    public DynamicsResult Result(ulong seed, int threads)
    {
        int r = _replications;
        var crises = new CrisisDynamics[_crises];
        for (int k = 0; k < _crises; k++)
        {
            Proportion[] ByPeriod(Outcome outcome) => Enumerable.Range(0, _periods)
                .Select(t => Proportion.Wilson(_outcomeByPeriod[(((k * _periods) + t) * OutcomeLayout.Outcomes) + (int)outcome], r)).ToArray();
            crises[k] = new CrisisDynamics
            {
                Crisis = _scenario.CrisisIds[k],
                WarByPeriod = ByPeriod(Outcome.War),
                DeterredByPeriod = ByPeriod(Outcome.Deterred),
                ConcessionByPeriod = ByPeriod(Outcome.Concession),
                WarCauses = Enum.GetValues<WarCause>().ToDictionary(c => c, c => Proportion.Wilson(_causes[(k * OutcomeLayout.Causes) + (int)c], (long)r * _periods)),
                Mechanisms = MechanismLayout.ToAttribution(_mechanisms.AsSpan(k * MechanismLayout.Length, MechanismLayout.Length).ToArray(), (long)r * _periods, _scenario.Crises[k].ChallengerPerception, _scenario.Crises[k].DefenderPerception),
                AnyWar = Proportion.Wilson(_anyWar[k], r),
                PeriodOfFirstWar = _firstWar[k].Estimate(1, _periods),
                ShareOfPeriodsAtWar = _share[k].Estimate(0, 1),
                CumulativeConcession = _concession[k].Estimate(0, _periods),
            };
        }

        var commitments = new CommitmentDynamics[_commitments];
        for (int c = 0; c < _commitments; c++)
        {
            commitments[c] = new CommitmentDynamics
            {
                Commitment = _scenario.CommitmentKeys[c],
                BeliefByPeriod = Enumerable.Range(0, _periods).Select(t => _belief[(c * _periods) + t].Estimate(0, 1)).ToArray(),
                FinalBelief = _final[c * 3].Estimate(0, 1),
                FinalReliability = _final[(c * 3) + 1].Estimate(0, 1),
                FinalSignal = _final[(c * 3) + 2].Estimate(0, 1),
            };
        }

        return new DynamicsResult
        {
            Scenario = _scenario.Scenario.Name,
            Periods = _periods,
            Replications = r,
            Seed = seed,
            Threads = threads,
            AnyWar = Proportion.Wilson(_anyWarAll, r),
            PeriodOfFirstWar = _firstWarAll.Estimate(1, _periods),
            Crises = crises,
            Commitments = commitments,
        };
    }

    /// <summary>Welford's running mean and sum of squared deviations: exact for constants, no cancellation.</summary>
    private struct Sums
    {
        private long _count;
        private double _mean;
        private double _deviations;

        public void Add(double value)
        {
            _count++;
            double delta = value - _mean;
            _mean += delta / _count;
            _deviations += delta * (value - _mean);
        }

        public readonly MeanEstimate Estimate(double minimum, double maximum) => MeanEstimate.FromMoments(_count, _mean, _deviations, minimum, maximum);
    }
}
