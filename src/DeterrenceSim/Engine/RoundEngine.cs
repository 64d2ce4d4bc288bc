using DeterrenceSim.Compilation;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>
/// Plays rounds of one crisis (DESIGN.md section 3). One instance per worker: it owns its scratch buffers, so a round
/// allocates nothing.
/// </summary>
internal sealed class RoundEngine
{
    private readonly CompiledCrisis _crisis;
    private readonly double[] _epsilons;
    private readonly bool[] _fights;
    private readonly bool[] _triggered;

    public RoundEngine(CompiledCrisis crisis)
    {
        _crisis = crisis;
        _epsilons = new double[crisis.SideCount + 1];
        _fights = new bool[crisis.ParticipantIds.Length];
        _triggered = new bool[crisis.AllianceIds.Length];
    }

    /// <summary>Plays one round and adds it to the tally.</summary>
    /// <param name="replicationKey">From <see cref="RandomStreams.ReplicationKey"/>.</param>
    /// <param name="round">The round's index within the replication.</param>
    /// <param name="tally">The tally to add to; the settlement sums are those of the current chunk.</param>
    public void Play(ulong replicationKey, long round, RoundTally tally)
    {
        var crisis = _crisis;
        var counts = tally.Counts;
        ulong key = RandomStreams.RoundKey(replicationKey, round);

        double etaC = 0, etaD = 0;
        if (crisis.Challenger.Noise > 0 || crisis.Defender.Noise > 0)
        {
            RandomStreams.Stream(key, RandomStreams.Shock).NextNormalPair(out etaC, out etaD);
        }

        double logitC, deepenedLogitC, logitD;
        if (crisis.Challenger.HasSupporterNoise)
        {
            DrawEpsilons(key, RandomStreams.ChallengerSupporterNoise);
            logitC = crisis.Challenger.Belief(crisis, deepened: false, _epsilons.AsSpan(0, crisis.SideCount));
            deepenedLogitC = crisis.Challenger.Belief(crisis, deepened: true, _epsilons.AsSpan(0, crisis.SideCount));
        }
        else
        {
            logitC = crisis.Challenger.ConstantLogit;
            deepenedLogitC = crisis.Challenger.ConstantDeepenedLogit;
        }

        if (crisis.Defender.HasSupporterNoise)
        {
            DrawEpsilons(key, RandomStreams.DefenderSupporterNoise);
            logitD = crisis.Defender.Belief(crisis, deepened: false, _epsilons.AsSpan(0, crisis.SideCount));
        }
        else
        {
            logitD = crisis.Defender.ConstantLogit;
        }

        // Positive η is optimistic for its holder: it raises C's belief in C's chance and lowers D's.
        double sigmaC = crisis.Challenger.Noise, sigmaD = crisis.Defender.Noise;
        double beliefC = CompiledCrisis.Logistic(logitC + (sigmaC * etaC));
        double deepenedBeliefC = CompiledCrisis.Logistic(deepenedLogitC + (sigmaC * etaC));
        double beliefD = CompiledCrisis.Logistic(logitD - (sigmaD * etaD));

        double defenderCost = crisis.Protocol == BargainingProtocol.TakeItOrLeaveIt
            ? RandomStreams.Stream(key, RandomStreams.PrivateCost).NextDouble() * crisis.DefenderCostUpperBound
            : crisis.DefenderCost;

        if (crisis.IsPreventive(beliefC, deepenedBeliefC))
        {
            counts[RoundTally.CauseOffset + (int)WarCause.Preventive]++;
            if (!crisis.AccuratePreventive)
            {
                counts[RoundTally.PreventiveFromMisperceptionIndex]++;
            }

            War(key, counts, tally);
            return;
        }

        if (!crisis.IsBargainingWar(beliefC, beliefD, defenderCost, out double settlement))
        {
            var outcome = settlement <= crisis.StatusQuo ? Outcome.Deterred : Outcome.Concession;
            counts[RoundTally.OutcomeOffset + (int)outcome]++;
            tally.SettlementSum += settlement;
            tally.SettlementSumOfSquares += settlement * settlement;
            return;
        }

        // Attribution: re-decide with the same draws, each side's perception made accurate.
        double accurate = crisis.AccurateWinProbability;
        bool warChallengerAccurate = crisis.IsBargainingWar(accurate, beliefD, defenderCost, out _);
        bool warDefenderAccurate = crisis.IsBargainingWar(beliefC, accurate, defenderCost, out _);
        bool warBothAccurate = crisis.IsBargainingWar(accurate, accurate, defenderCost, out _);
        var cause = warBothAccurate ? WarCause.Rational
            : !warChallengerAccurate && warDefenderAccurate ? WarCause.ChallengerMisperception
            : warChallengerAccurate && !warDefenderAccurate ? WarCause.DefenderMisperception
            : WarCause.MutualMisperception;
        counts[RoundTally.CauseOffset + (int)cause]++;
        War(key, counts, tally);
    }

    private void DrawEpsilons(ulong key, ulong purpose)
    {
        var stream = RandomStreams.Stream(key, purpose);
        var eps = _epsilons;
        for (int p = 0; p < _crisis.SideCount; p += 2)
        {
            stream.NextNormalPair(out eps[p], out eps[p + 1]);
        }
    }

    /// <summary>War: realised support, escalation, and the victory draw with the true coalitions.</summary>
    private void War(ulong key, long[] counts, RoundTally tally)
    {
        var crisis = _crisis;
        var fights = _fights;
        var strength = crisis.Strength;
        var reliability = crisis.Reliability;
        int nC = crisis.ChallengerSupporterCount;
        int nSides = crisis.SideCount;
        counts[RoundTally.OutcomeOffset + (int)Outcome.War]++;

        var support = RandomStreams.Stream(key, RandomStreams.Support);
        double challengerSide = crisis.ChallengerStrength;
        double defenderSide = crisis.DefenderStrength;
        for (int p = 0; p < nSides; p++)
        {
            bool fight = support.NextDouble() < reliability[p];
            fights[p] = fight;
            double s = fight ? strength[p] : 0;
            if (p < nC)
            {
                challengerSide += s;
            }
            else
            {
                defenderSide += s;
            }
        }

        Array.Clear(fights, nSides, fights.Length - nSides);
        if (crisis.StrikeProbability.Length > 0)
        {
            defenderSide += Escalate(key, counts);
        }

        int supportOffset = tally.SupportOffset;
        for (int p = 0; p < fights.Length; p++)
        {
            if (fights[p])
            {
                counts[supportOffset + p]++;
            }
        }

        double ratio = Math.Pow(defenderSide / challengerSide, crisis.Decisiveness);
        double truth = 1.0 / (1.0 + ratio);
        if (RandomStreams.Stream(key, RandomStreams.Victory).NextDouble() < truth)
        {
            counts[RoundTally.ChallengerWinsIndex]++;
        }
    }

    /// <summary>Escalation strikes and alliance triggers (DESIGN.md section 3); returns the strength added to D's side.</summary>
    private double Escalate(ulong key, long[] counts)
    {
        var crisis = _crisis;
        var fights = _fights;
        var triggered = _triggered;
        Array.Clear(triggered);
        var stream = RandomStreams.Stream(key, RandomStreams.Escalation);
        double added = 0;
        bool any = false;
        for (int e = 0; e < crisis.StrikeProbability.Length; e++)
        {
            if (stream.NextDouble() >= crisis.StrikeProbability[e])
            {
                continue;
            }

            int target = crisis.StrikeTargetParticipant[e];
            if (target >= 0 && !fights[target])
            {
                fights[target] = true;
                added += crisis.Strength[target];
            }

            foreach (int a in crisis.StrikeTriggers[e])
            {
                triggered[a] = true;
                any = true;
            }
        }

        if (!any)
        {
            return added;
        }

        foreach (int a in crisis.TriggerableAlliances)
        {
            if (!triggered[a])
            {
                continue;
            }

            counts[RoundTally.AllianceOffset + a]++;
            double memberReliability = crisis.AllianceMemberReliability[a];
            foreach (int m in crisis.AllianceMembers[a])
            {
                bool joins = stream.NextDouble() < memberReliability;
                if (joins && !fights[m])
                {
                    fights[m] = true;
                    added += crisis.Strength[m];
                }
            }
        }

        return added;
    }
}
