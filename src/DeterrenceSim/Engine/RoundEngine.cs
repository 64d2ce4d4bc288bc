using DeterrenceSim.Compilation;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>
/// Plays rounds of one crisis (DESIGN.md section 3). One instance per worker: it owns its scratch buffers, so a round
/// allocates nothing. After a war round, <see cref="Fights"/> and <see cref="Triggered"/> hold who fought and which
/// alliances were triggered.
/// </summary>
internal sealed class RoundEngine
{
    private readonly double[] _epsilons;

    public RoundEngine(CrisisFrame frame)
    {
        Frame = frame;
        var crisis = frame.Crisis;
        _epsilons = new double[crisis.SideCount + 1];
        Fights = new bool[crisis.ParticipantIds.Length];
        Chose = new bool[crisis.ParticipantIds.Length];
        Triggered = new bool[crisis.AllianceIds.Length];
    }

    public CrisisFrame Frame { get; }

    /// <summary>Who fought in the last war round (participant order), escalation joins included.</summary>
    public bool[] Fights { get; }

    /// <summary>Which side supporters chose to fight when called on in the last war round (before escalation).</summary>
    public bool[] Chose { get; }

    /// <summary>Which alliances an escalation strike triggered in the last war round.</summary>
    public bool[] Triggered { get; }

    /// <summary>Plays one round.</summary>
    /// <param name="key">The round's key (<see cref="RandomStreams.RoundKey"/>); every draw of the round derives from it.</param>
    /// <param name="record">What happened.</param>
    public void Play(ulong key, out RoundRecord record)
    {
        var frame = Frame;
        var crisis = frame.Crisis;
        record = default;

        double etaC = 0, etaD = 0;
        if (frame.Challenger.Noise > 0 || frame.Defender.Noise > 0)
        {
            RandomStreams.Stream(key, StreamPurpose.Shock).NextNormalPair(out etaC, out etaD);
        }

        double logitC, deepenedLogitC, logitD;
        if (frame.Challenger.HasSupporterNoise)
        {
            DrawEpsilons(key, StreamPurpose.ChallengerSupporterNoise);
            var eps = _epsilons.AsSpan(0, crisis.SideCount);
            logitC = frame.Challenger.Belief(frame, deepened: false, eps, out record.ChallengerPerceivedStrength);
            deepenedLogitC = frame.Challenger.Belief(frame, deepened: true, eps, out _);
        }
        else
        {
            logitC = frame.Challenger.ConstantLogit;
            deepenedLogitC = frame.Challenger.ConstantDeepenedLogit;
            record.ChallengerPerceivedStrength = frame.Challenger.ConstantOwnStrength;
        }

        if (frame.Defender.HasSupporterNoise)
        {
            DrawEpsilons(key, StreamPurpose.DefenderSupporterNoise);
            logitD = frame.Defender.Belief(frame, deepened: false, _epsilons.AsSpan(0, crisis.SideCount), out record.DefenderPerceivedStrength);
        }
        else
        {
            logitD = frame.Defender.ConstantLogit;
            record.DefenderPerceivedStrength = frame.Defender.ConstantOwnStrength;
        }

        // Positive η is optimistic for its holder: it raises C's belief in C's chance and lowers D's.
        double sigmaC = frame.Challenger.Noise, sigmaD = frame.Defender.Noise;
        double beliefC = CrisisFrame.Logistic(logitC + (sigmaC * etaC));
        double beliefD = CrisisFrame.Logistic(logitD - (sigmaD * etaD));
        record.ChallengerBelief = beliefC;
        record.DefenderBelief = beliefD;

        double defenderCost = crisis.Protocol == BargainingProtocol.TakeItOrLeaveIt
            ? RandomStreams.Stream(key, StreamPurpose.PrivateCost).NextDouble() * crisis.DefenderCostUpperBound
            : crisis.DefenderCost;

        if (frame.PreventivePossible && crisis.IsPreventive(beliefC, CrisisFrame.Logistic(deepenedLogitC + (sigmaC * etaC))))
        {
            record.Cause = WarCause.Preventive;
            record.PreventiveFromMisperception = !frame.AccuratePreventive;
            War(key, ref record);
            return;
        }

        if (!crisis.IsBargainingWar(beliefC, beliefD, defenderCost, out double settlement))
        {
            record.Outcome = settlement <= crisis.StatusQuo ? Outcome.Deterred : Outcome.Concession;
            record.Settlement = settlement;
            record.ChallengerRealisedStrength = double.NaN;
            record.DefenderRealisedStrength = double.NaN;
            return;
        }

        // Attribution: re-decide with the same draws, each side's perception made accurate.
        double accurate = frame.AccurateWinProbability;
        bool warChallengerAccurate = crisis.IsBargainingWar(accurate, beliefD, defenderCost, out _);
        bool warDefenderAccurate = crisis.IsBargainingWar(beliefC, accurate, defenderCost, out _);
        bool warBothAccurate = crisis.IsBargainingWar(accurate, accurate, defenderCost, out _);
        record.Cause = warBothAccurate ? WarCause.Rational
            : !warChallengerAccurate && warDefenderAccurate ? WarCause.ChallengerMisperception
            : warChallengerAccurate && !warDefenderAccurate ? WarCause.DefenderMisperception
            : WarCause.MutualMisperception;
        War(key, ref record);
    }

    private void DrawEpsilons(ulong key, StreamPurpose purpose)
    {
        var stream = RandomStreams.Stream(key, purpose);
        var eps = _epsilons;
        for (int p = 0; p < Frame.Crisis.SideCount; p += 2)
        {
            stream.NextNormalPair(out eps[p], out eps[p + 1]);
        }
    }

    /// <summary>War: realised support, escalation, and the victory draw with the true coalitions.</summary>
    private void War(ulong key, ref RoundRecord record)
    {
        var frame = Frame;
        var crisis = frame.Crisis;
        var fights = Fights;
        var strength = frame.RealisedStrength;
        var reliability = frame.Reliability;
        int nC = crisis.ChallengerSupporterCount;
        int nSides = crisis.SideCount;
        record.Outcome = Outcome.War;
        record.Settlement = double.NaN;

        var support = RandomStreams.Stream(key, StreamPurpose.Support);
        double challengerSide = frame.RealisedChallengerStrength;
        double defenderSide = frame.RealisedDefenderStrength;
        for (int p = 0; p < nSides; p++)
        {
            bool fight = support.NextDouble() < reliability[p];
            fights[p] = fight;
            Chose[p] = fight;
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
        Array.Clear(Triggered);
        if (crisis.StrikeProbability.Length > 0)
        {
            defenderSide += Escalate(key);
        }

        record.ChallengerRealisedStrength = challengerSide;
        record.DefenderRealisedStrength = defenderSide;
        double ratio = Math.Pow(defenderSide / challengerSide, crisis.Decisiveness);
        double truth = 1.0 / (1.0 + ratio);
        record.ChallengerWins = RandomStreams.Stream(key, StreamPurpose.Victory).NextDouble() < truth;
    }

    /// <summary>Escalation strikes and alliance triggers (DESIGN.md section 3); returns the strength added to D's side.</summary>
    private double Escalate(ulong key)
    {
        var frame = Frame;
        var crisis = frame.Crisis;
        var fights = Fights;
        var triggered = Triggered;
        var stream = RandomStreams.Stream(key, StreamPurpose.Escalation);
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
                added += frame.RealisedStrength[target];
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

            double memberReliability = crisis.AllianceMemberReliability[a];
            foreach (int m in crisis.AllianceMembers[a])
            {
                bool joins = stream.NextDouble() < memberReliability;
                if (joins && !fights[m])
                {
                    fights[m] = true;
                    added += frame.RealisedStrength[m];
                }
            }
        }

        return added;
    }
}
