using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>Paired rounds of two scenarios: the contrast of a policy with a baseline under common random numbers.</summary>
public sealed partial class MonteCarlo
{
    /// <summary>
    /// Plays the rounds of one crisis in this scenario (the baseline) and in <paramref name="policy"/> with the same round
    /// keys, so that round i of both draws the same numbers (common random numbers), and counts, for each measure of
    /// <see cref="Measure.All"/>, the rounds where only the policy has it and where only the baseline has it: the
    /// discordant pairs that the paired interval of the difference needs. The baseline's result is bit-identical to
    /// <see cref="Run(string, RoundOptions?, IProgress{MonteCarloProgress}?, CancellationToken)"/> with the same options.
    /// </summary>
    /// <param name="policy">The policy scenario's engine; its crisis of the same id is played.</param>
    /// <param name="crisisId">The crisis id, in both scenarios.</param>
    /// <param name="options">Rounds, seed, replication and threads (no reporters).</param>
    /// <param name="cancellationToken">Cancels between chunks.</param>
    /// <returns>Both results and the discordant counts, each of length <see cref="Measure.All"/>.Count.</returns>
    internal PairedRun RunPaired(MonteCarlo policy, string crisisId, RoundOptions options, CancellationToken cancellationToken)
    {
        var paired = PairRounds(policy, crisisId, options, cancellationToken);
        var baseline = BuildResult(paired.BaselineCrisis, paired.BaselineAccurate, double.NaN, options, paired.Baseline, paired.BaselineSum, paired.BaselineSquares, []);
        var other = policy.BuildResult(paired.PolicyCrisis, paired.PolicyAccurate, double.NaN, options, paired.Policy, paired.PolicySum, paired.PolicySquares, []);
        return new PairedRun(baseline, other, paired.PolicyOnly, paired.BaselineOnly);
    }

    /// <summary>The paired rounds' tallies without rates and intervals: what a contrast's rows keep (counts and the
    /// attribution's integer sums), as <see cref="Count"/> is for a sweep.</summary>
    internal PairedTallies PairRounds(MonteCarlo policy, string crisisId, RoundOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        if (options.Reporters.Count > 0)
        {
            throw new ArgumentException("A paired run takes no reporters.", nameof(options));
        }

        var baselineCrisis = _scenario.GetCrisis(crisisId);
        var policyCrisis = policy._scenario.GetCrisis(crisisId);
        var baselineFrame = FrameOf(baselineCrisis);
        var policyFrame = policy.FrameOf(policyCrisis);
        long rounds = options.Rounds;
        long chunks = (rounds + ChunkSize - 1) / ChunkSize;
        int batch = (int)Math.Min(chunks, ChunksPerBatch);
        int measures = Measure.All.Count;
        var sums = new double[batch, 4];
        var baselineTotal = new RoundTally(baselineCrisis.AllianceIds.Length, baselineCrisis.ParticipantIds.Length);
        var policyTotal = new RoundTally(policyCrisis.AllianceIds.Length, policyCrisis.ParticipantIds.Length);
        var policyOnly = new long[measures];
        var baselineOnly = new long[measures];
        ulong crisisKey = RandomStreams.CrisisKey(RandomStreams.ReplicationKey(options.Seed, options.Replication), crisisId);
        double baselineSum = 0, baselineSquares = 0, policySum = 0, policySquares = 0;

        PairedWorker NewWorker() => new(RoundEngine.Create(baselineFrame), RoundEngine.Create(policyFrame), baselineCrisis, policyCrisis, measures);

        PairedWorker PlayChunk(long firstChunk, int i, PairedWorker worker)
        {
            long start = (firstChunk + i) * ChunkSize;
            long end = Math.Min(start + ChunkSize, rounds);
            worker.Reset();
            for (long round = start; round < end; round++)
            {
                worker.Baseline.PlayRound(crisisKey, round, out var b);
                worker.BaselineTally.Add(b, worker.Baseline);
                worker.Policy.PlayRound(crisisKey, round, out var p);
                worker.PolicyTally.Add(p, worker.Policy);
                worker.Compare(b, p);
            }

            sums[i, 0] = worker.BaselineTally.SettlementSum;
            sums[i, 1] = worker.BaselineTally.SettlementSumOfSquares;
            sums[i, 2] = worker.PolicyTally.SettlementSum;
            sums[i, 3] = worker.PolicyTally.SettlementSumOfSquares;
            return worker;
        }

        void Merge(PairedWorker worker)
        {
            lock (baselineTotal)
            {
                baselineTotal.Add(worker.BaselineTally);
                policyTotal.Add(worker.PolicyTally);
                for (int m = 0; m < measures; m++)
                {
                    policyOnly[m] += worker.PolicyOnly[m];
                    baselineOnly[m] += worker.BaselineOnly[m];
                }
            }
        }

        try
        {
            PlayChunks(chunks, batch, options.Threads, cancellationToken, NewWorker, PlayChunk, Merge, count =>
            {
                for (int i = 0; i < count; i++)
                {
                    baselineSum += sums[i, 0];
                    baselineSquares += sums[i, 1];
                    policySum += sums[i, 2];
                    policySquares += sums[i, 3];
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }

        return new PairedTallies(baselineCrisis, policyCrisis, baselineFrame.AccurateWinProbability, policyFrame.AccurateWinProbability, baselineTotal, policyTotal, baselineSum, baselineSquares, policySum, policySquares, policyOnly, baselineOnly);
    }

    /// <summary>The tallies of <see cref="PairRounds"/>: each side's counts and attribution sums (its
    /// <see cref="RoundTally"/>), its settlement sums in chunk order, and the discordant counts per measure of
    /// <see cref="Measure.All"/>.</summary>
    internal sealed record PairedTallies(
        Compilation.CompiledCrisis BaselineCrisis,
        Compilation.CompiledCrisis PolicyCrisis,
        double BaselineAccurate,
        double PolicyAccurate,
        RoundTally Baseline,
        RoundTally Policy,
        double BaselineSum,
        double BaselineSquares,
        double PolicySum,
        double PolicySquares,
        long[] PolicyOnly,
        long[] BaselineOnly);

    /// <summary>The result of <see cref="RunPaired"/>.</summary>
    /// <param name="Baseline">The baseline's rates, as <see cref="Run(string, RoundOptions?, IProgress{MonteCarloProgress}?, CancellationToken)"/> gives them.</param>
    /// <param name="Policy">The policy's rates.</param>
    /// <param name="PolicyOnly">Per measure of <see cref="Measure.All"/>: the rounds where the policy has it and the baseline not.</param>
    /// <param name="BaselineOnly">Per measure: the rounds where the baseline has it and the policy not.</param>
    internal sealed record PairedRun(SimulationResult Baseline, SimulationResult Policy, long[] PolicyOnly, long[] BaselineOnly);

    /// <summary>One worker's engines and tallies.</summary>
    private sealed class PairedWorker(RoundEngine baseline, RoundEngine policy, Compilation.CompiledCrisis baselineCrisis, Compilation.CompiledCrisis policyCrisis, int measures)
    {
        public RoundEngine Baseline { get; } = baseline;

        public RoundEngine Policy { get; } = policy;

        public RoundTally BaselineTally { get; } = new(baselineCrisis.AllianceIds.Length, baselineCrisis.ParticipantIds.Length);

        public RoundTally PolicyTally { get; } = new(policyCrisis.AllianceIds.Length, policyCrisis.ParticipantIds.Length);

        public long[] PolicyOnly { get; } = new long[measures];

        public long[] BaselineOnly { get; } = new long[measures];

        public void Reset()
        {
            BaselineTally.SettlementSum = 0;
            BaselineTally.SettlementSumOfSquares = 0;
            PolicyTally.SettlementSum = 0;
            PolicyTally.SettlementSumOfSquares = 0;
        }

        /// <summary>Counts the discordant measures of one pair of rounds: the outcome, and the war cause of a war (the
        /// layout of <see cref="Measure.All"/>: outcomes, then causes).</summary>
        public void Compare(in RoundRecord b, in RoundRecord p)
        {
            if (b.Outcome != p.Outcome)
            {
                PolicyOnly[(int)p.Outcome]++;
                BaselineOnly[(int)b.Outcome]++;
            }

            int bCause = b.Outcome == Outcome.War ? OutcomeLayout.Outcomes + (int)b.Cause : -1;
            int pCause = p.Outcome == Outcome.War ? OutcomeLayout.Outcomes + (int)p.Cause : -1;
            if (bCause != pCause)
            {
                if (pCause >= 0)
                {
                    PolicyOnly[pCause]++;
                }

                if (bCause >= 0)
                {
                    BaselineOnly[bCause]++;
                }
            }
        }
    }
}
