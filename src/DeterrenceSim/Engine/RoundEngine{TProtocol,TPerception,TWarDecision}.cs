using DeterrenceSim.Compilation;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>
/// One round of a crisis with its strategies as type arguments (DESIGN.md section 3): the preventive test
/// (<typeparamref name="TWarDecision"/>), then the bargaining (<typeparamref name="TProtocol"/>) on beliefs formed by
/// <typeparamref name="TPerception"/>, the attribution of a bargaining war, and war. The strategies are structs with
/// static members, so each closed type is compiled for its strategies and their calls are inlined: no virtual call
/// or delegate per round.
/// </summary>
/// <typeparam name="TProtocol">The bargaining protocol.</typeparam>
/// <typeparam name="TPerception">The perception model.</typeparam>
/// <typeparam name="TWarDecision">The preventive-war decision.</typeparam>
internal sealed class RoundEngine<TProtocol, TPerception, TWarDecision> : RoundEngine
    where TProtocol : struct, IBargainingProtocol
    where TPerception : struct, IPerceptionModel
    where TWarDecision : struct, IPreventiveWarDecision
{
    private readonly BargainingTerms _bargaining;
    private readonly PreventiveTerms _preventive;
    private readonly double _defenderCost;
    private bool _preventivePossible;
    private bool _accuratePreventive;

    /// <summary>Initializes a new instance of the <see cref="RoundEngine{TProtocol, TPerception, TWarDecision}"/> class.</summary>
    /// <param name="frame">The crisis frame; <see cref="RoundEngine.Update"/> recomputes it, or it stays as it is.</param>
    public RoundEngine(CrisisFrame frame)
        : base(frame)
    {
        var crisis = frame.Crisis;
        double upperBound = crisis.DefenderCostUpperBound ?? 0;
        _defenderCost = crisis.DefenderCost ?? 0;
        _bargaining = new BargainingTerms(crisis.StatusQuo, crisis.ChallengerCost, crisis.ChallengerPower, upperBound);

        // The preventive test plans with the expected private cost c̄/2 when the cost is private (DESIGN.md section 3).
        _preventive = new PreventiveTerms(crisis.DiscountH, crisis.ChallengerCost, TProtocol.PrivateDefenderCost ? upperBound / 2 : _defenderCost);
        Refresh();
    }

    /// <summary>
    /// Whether the preventive test can fire at all this period, and whether it fires with accurate perception. Without
    /// supporter noise the challenger's belief logits now and after the foresight differ by a constant ΔL, so
    /// p̂ − p̂' is at most the perception's <see cref="IPerceptionModel.LargestDecline"/>(ΔL) whatever the optimism
    /// shock; if the decision cannot strike with that decline, p̂' need not be computed (results are unchanged).
    /// </summary>
    protected override void Refresh()
    {
        var frame = Frame;
        _accuratePreventive = TWarDecision.IsPreventive(in _preventive, frame.AccurateWinProbability, CrisisFrame.Logistic(frame.Accurate.ConstantDeepenedLogit));
        double gap = frame.Challenger.ConstantLogit - frame.Challenger.ConstantDeepenedLogit;
        _preventivePossible = frame.Challenger.HasSupporterNoise
            || (gap > 0 && TWarDecision.CanStrike(in _preventive, TPerception.LargestDecline(gap)));
    }

    /// <inheritdoc/>
    public override void Play(ulong key, out RoundRecord record)
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
            var eps = Epsilons.AsSpan(0, crisis.SideCount);
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
            logitD = frame.Defender.Belief(frame, deepened: false, Epsilons.AsSpan(0, crisis.SideCount), out record.DefenderPerceivedStrength);
        }
        else
        {
            logitD = frame.Defender.ConstantLogit;
            record.DefenderPerceivedStrength = frame.Defender.ConstantOwnStrength;
        }

        // Positive η is optimistic for its holder: it raises C's belief in C's chance and lowers D's.
        double sigmaC = frame.Challenger.Noise, sigmaD = frame.Defender.Noise;
        double beliefC = TPerception.Belief(logitC, sigmaC, etaC);
        double beliefD = TPerception.Belief(logitD, sigmaD, -etaD);
        record.ChallengerBelief = beliefC;
        record.DefenderBelief = beliefD;

        double defenderCost = TProtocol.PrivateDefenderCost
            ? RandomStreams.Stream(key, StreamPurpose.PrivateCost).NextDouble() * _bargaining.DefenderCostUpperBound
            : _defenderCost;

        if (_preventivePossible && TWarDecision.IsPreventive(in _preventive, beliefC, TPerception.Belief(deepenedLogitC, sigmaC, etaC)))
        {
            record.Cause = WarCause.Preventive;
            record.PreventiveFromMisperception = !_accuratePreventive;
            War(key, ref record);
            return;
        }

        if (!TProtocol.IsWar(in _bargaining, beliefC, beliefD, defenderCost, out double settlement))
        {
            if (!(settlement >= 0 && settlement <= 1))
            {
                // The interface's contract (a settlement in [0, 1] in peace): a user's protocol that breaks it would
                // otherwise be counted as a concession or deterrence with a settlement outside the stakes.
                throw new InvalidOperationException($"The bargaining protocol {typeof(TProtocol).Name} settled at {settlement.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} without war; its contract (IBargainingProtocol) asks for a settlement in [0, 1].");
            }

            record.Outcome = settlement <= _bargaining.StatusQuo ? Outcome.Deterred : Outcome.Concession;
            record.Settlement = settlement;
            record.ChallengerRealisedStrength = double.NaN;
            record.DefenderRealisedStrength = double.NaN;
            return;
        }

        // Attribution: re-decide with the same draws, each side's perception made accurate.
        double accurate = frame.AccurateWinProbability;
        bool warChallengerAccurate = TProtocol.IsWar(in _bargaining, accurate, beliefD, defenderCost, out _);
        bool warDefenderAccurate = TProtocol.IsWar(in _bargaining, beliefC, accurate, defenderCost, out _);
        bool warBothAccurate = TProtocol.IsWar(in _bargaining, accurate, accurate, defenderCost, out _);
        record.Cause = warBothAccurate ? WarCause.Rational
            : !warChallengerAccurate && warDefenderAccurate ? WarCause.ChallengerMisperception
            : warChallengerAccurate && !warDefenderAccurate ? WarCause.DefenderMisperception
            : WarCause.MutualMisperception;
        War(key, ref record);
    }
}
