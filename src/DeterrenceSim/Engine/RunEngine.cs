using DeterrenceSim.Compilation;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>
/// Plays one replication of a run of T periods (DESIGN.md section 4). Each period every crisis plays one round in file
/// order; a state that fought is overstretched for the later crises of the period; between periods states learn from
/// what supporters did when called on, capabilities grow, alliances vote on deepening and commitments deepen.
/// One instance per worker; it reuses its buffers across replications.
/// </summary>
internal sealed class RunEngine
{
    private readonly CompiledScenario _scenario;
    private readonly WorldState _world;
    private readonly CrisisFrame[] _frames;
    private readonly RoundEngine[] _engines;
    private readonly double[] _observations;
    private readonly double[] _shortfall;
    private readonly int[] _lastThreat;
    private readonly int[] _lastVote;
    private readonly bool[] _approved;

    // Per commitment: whether its deepening is zero and its values have been through the update once, so that another
    // update returns them bit for bit (a clamp is idempotent; −0 + 0 is +0 after the first): skipped from then on.
    private readonly bool[] _settled;

    public RunEngine(CompiledScenario scenario)
    {
        _scenario = scenario;
        _world = new WorldState(scenario);
        _frames = scenario.Crises.Select(c => new CrisisFrame(c, _world)).ToArray();
        _engines = _frames.Select(RoundEngine.Create).ToArray();
        _observations = new double[scenario.Reliability.Length];
        _shortfall = new double[scenario.Reliability.Length];
        _lastThreat = new int[scenario.Capability.Length];
        _lastVote = new int[scenario.AllianceVotePeriod.Length];
        _approved = new bool[scenario.AllianceVotePeriod.Length];
        _settled = new bool[scenario.Reliability.Length];
    }

    /// <summary>Plays one replication into the trace.</summary>
    /// <param name="seed">The master seed.</param>
    /// <param name="replication">The replication index: with the seed, it keys every draw of the run.</param>
    /// <param name="trace">Receives the records; its period count sets T.</param>
    public void Run(ulong seed, int replication, ReplicationTrace trace)
    {
        var s = _scenario;
        var world = _world;
        ulong replicationKey = RandomStreams.ReplicationKey(seed, replication);
        world.Reset();
        world.Learning = s.Scenario.Learning;
        world.PriorStrength = s.Scenario.PriorStrength;
        Array.Fill(_lastThreat, -1);
        Array.Fill(_lastVote, -1);
        Array.Clear(_settled);
        trace.Replication = replication;
        int commitments = s.Reliability.Length;
        int crises = _frames.Length;
        double overstretch = 1.0 / s.Scenario.Overstretch;

        bool commitmentsChanged = true; // the reset
        for (int t = 0; t < trace.Periods; t++)
        {
            for (int c = 0; c < commitments; c++)
            {
                trace.Reliability[(t * commitments) + c] = world.Reliability[c];
                trace.Signal[(t * commitments) + c] = world.Signal[c];
                trace.Belief[(t * commitments) + c] = world.BeliefMean(c);
            }

            Array.Fill(world.RealisedProjectionFactor, 1.0);
            Array.Clear(_observations);
            Array.Clear(_shortfall);
            for (int k = 0; k < crises; k++)
            {
                var frame = _frames[k];
                var engine = _engines[k];
                engine.Update(world, commitmentsChanged);
                ulong key = RandomStreams.PeriodKey(replicationKey, t, k);
                engine.Play(key, RandomStreams.StreamState(key, StreamPurpose.Shock), out trace.Records[(t * crises) + k]);
                if (trace.Records[(t * crises) + k].Outcome == Outcome.War)
                {
                    engine.Shapley.CopyTo(trace.Shapley, ((t * crises) + k) * MechanismGame.MaxPlayers);
                    Observe(frame, engine, t, overstretch);
                }
            }

            commitmentsChanged = Adapt(replicationKey, t);
        }

        world.Reliability.CopyTo(trace.FinalReliability, 0);
        world.Signal.CopyTo(trace.FinalSignal, 0);
        world.Capability.CopyTo(trace.FinalCapability, 0);
        for (int c = 0; c < commitments; c++)
        {
            trace.FinalBelief[c] = world.BeliefMean(c);
        }
    }

    /// <summary>What a war shows: who honoured a commitment when called on, who is overstretched, who is threatened.</summary>
    private void Observe(CrisisFrame frame, RoundEngine engine, int period, double overstretch)
    {
        var crisis = frame.Crisis;
        var factor = _world.RealisedProjectionFactor;
        for (int p = 0; p < crisis.SideCount; p++)
        {
            // Every state observes every war (DESIGN.md section 4); a belief concerns reliability in scope.
            if (crisis.ParticipantInScope[p])
            {
                int k = crisis.ParticipantCommitment[p];
                _observations[k]++;
                _shortfall[k] += (engine.Chose[p] ? 1 : 0) - _world.PriorMean[k];
            }

            if (p >= crisis.ChallengerSupporterCount)
            {
                _lastThreat[crisis.ParticipantState[p]] = period; // a protégé of this supporter was attacked
            }
        }

        _lastThreat[crisis.DefenderState] = period;
        factor[crisis.ChallengerState] = overstretch;
        factor[crisis.DefenderState] = overstretch;
        for (int p = 0; p < engine.Fights.Length; p++)
        {
            if (engine.Fights[p])
            {
                factor[crisis.ParticipantState[p]] = overstretch;
            }
        }
    }

    /// <summary>Between periods: learning, growth, votes and deepening. Returns whether a commitment's reliability, signal or
    /// belief may have changed (a war observed under learning, a deepening not yet settled).</summary>
    private bool Adapt(ulong replicationKey, int period)
    {
        var s = _scenario;
        var world = _world;
        bool changed = false;
        if (world.Learning)
        {
            for (int c = 0; c < _observations.Length; c++)
            {
                world.BeliefObservations[c] += _observations[c];
                world.BeliefShortfall[c] += _shortfall[c];
                changed |= _observations[c] != 0;
            }
        }

        for (int i = 0; i < world.Capability.Length; i++)
        {
            world.Capability[i] *= 1 + s.GrowthRate[i]; // kept finite and positive: checked before the run
        }

        for (int a = 0; a < _approved.Length; a++)
        {
            _approved[a] = (period + 1) % s.AllianceVotePeriod[a] == 0 && Vote(replicationKey, period, a);
            if ((period + 1) % s.AllianceVotePeriod[a] == 0)
            {
                _lastVote[a] = period;
            }
        }

        for (int c = 0; c < world.Reliability.Length; c++)
        {
            int alliance = s.CommitmentAlliance[c];
            if (!_settled[c] && (alliance < 0 || _approved[alliance]))
            {
                world.Reliability[c] = Math.Clamp(world.Reliability[c] + s.DeepeningReliability[c], 0, 1);
                world.PriorMean[c] = Math.Clamp(world.PriorMean[c] + s.DeepeningReliability[c], 0, 1);
                world.Signal[c] = Math.Clamp(world.Signal[c] + s.DeepeningSignal[c], CrisisFrame.SignalFloor, 1 - CrisisFrame.SignalFloor);
                _settled[c] = s.DeepeningReliability[c] == 0 && s.DeepeningSignal[c] == 0;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>
    /// One vote of alliance a: each member yes with its (threat-dependent) support; Consensus needs all, Majority more
    /// than half. The count stops once the outcome is decided (a no under Consensus, a majority either way): the vote's
    /// stream is its own, so the draws not taken change nothing else.
    /// </summary>
    private bool Vote(ulong replicationKey, int period, int a)
    {
        var s = _scenario;
        var members = s.AllianceMembers[a];
        var stream = RandomStreams.Stream(RandomStreams.PeriodKey(replicationKey, period, _frames.Length + a), StreamPurpose.Vote);
        bool consensus = s.AllianceConsensus[a];
        int needed = consensus ? members.Length : (members.Length / 2) + 1; // yes votes that carry it
        int yes = 0;
        for (int m = 0; m < members.Length; m++)
        {
            bool threatened = _lastThreat[members[m]] > _lastVote[a];
            double support = threatened ? s.AllianceSupportUnderThreat[a][m] : s.AllianceSupport[a][m];
            if (stream.NextDouble() < support)
            {
                yes++;
            }

            int remaining = members.Length - m - 1;
            if (yes >= needed || yes + remaining < needed)
            {
                return yes >= needed;
            }
        }

        return yes >= needed;
    }
}
