using DeterrenceSim.Compilation;
using DeterrenceSim.Model;

namespace DeterrenceSim.Engine;

/// <summary>
/// The numbers one crisis's rounds need, computed from the compiled structure and the current <see cref="WorldState"/>:
/// strengths, reliabilities, signals and the two protagonists' perceptions, now and after the foresight's H periods
/// (DESIGN.md section 3). Recomputed in place each period of a run; in a single round, once. Owned by one worker.
/// </summary>
internal sealed class CrisisFrame
{
    /// <summary>Signals are kept inside [1e-9, 1 - 1e-9] after deepening so their logit stays finite.</summary>
    public const double SignalFloor = 1e-9;

    public CrisisFrame(CompiledCrisis crisis, WorldState world)
    {
        Crisis = crisis;
        int n = crisis.ParticipantIds.Length;
        Strength = new double[n];
        RealisedStrength = new double[n];
        DeepenedStrength = new double[n];
        Reliability = new double[n];
        DeepenedReliability = new double[n];
        Signal = new double[n];
        DeepenedSignal = new double[n];
        InformationSharing = new double[n];
        LearnedAnchor = new double[n];
        _changed = new int[n];
        DeepenedLearnedAnchor = new double[n];

        // Growth rates are constant: the foresight's outlook factors (1 + g)^H are computed once, per state; a
        // participant's is its state's.
        var growth = world.Scenario.GrowthRate;
        StateOutlook = new double[growth.Length];
        for (int state = 0; state < growth.Length; state++)
        {
            StateOutlook[state] = Math.Pow(1 + growth[state], crisis.Foresight);
        }

        _outlook = new double[n];
        for (int p = 0; p < n; p++)
        {
            _outlook[p] = StateOutlook[crisis.ParticipantState[p]];
        }

        StateCapability = world.Capability;
        Challenger = new ObserverFrame(crisis, isChallenger: true);
        Defender = new ObserverFrame(crisis, isChallenger: false);
        _accurate = new ObserverFrame(crisis, isChallenger: true);
        Update(world);
    }

    private readonly double[] _outlook;

    public CompiledCrisis Crisis { get; }

    /// <summary>Capability K of each state now (the world's array).</summary>
    public double[] StateCapability { get; private set; }

    /// <summary>(1 + g)^H of each state: the foresight's growth outlook.</summary>
    public double[] StateOutlook { get; }

    /// <summary>(1 + g)^H of each participant.</summary>
    public ReadOnlySpan<double> Outlook => _outlook;

    /// <summary>K π of each participant as perceived and planned: without overstretch.</summary>
    public double[] Strength { get; }

    /// <summary>K π of each participant in war: with this period's overstretch.</summary>
    public double[] RealisedStrength { get; }

    /// <summary>K (1 + g)^H π: the preventive test's outlook.</summary>
    public double[] DeepenedStrength { get; }

    /// <summary>True reliability in the theatre (in or out of scope).</summary>
    public double[] Reliability { get; }

    public double[] DeepenedReliability { get; }

    public double[] Signal { get; }

    public double[] DeepenedSignal { get; }

    public double[] InformationSharing { get; }

    /// <summary>With learning, the belief's posterior mean about each in-scope participant's commitment: the anchor of
    /// both protagonists' perception (<see cref="ObserverFrame"/>), computed once for both.</summary>
    public double[] LearnedAnchor { get; }

    /// <summary>The learned anchor after the foresight's H periods of deepening.</summary>
    public double[] DeepenedLearnedAnchor { get; }

    /// <summary>
    /// Gets a value indicating whether the last <see cref="Update"/> changed anything an observer's perceived
    /// reliabilities depend on: a reliability, signal or information sharing, now or after the foresight, a learned
    /// anchor, or learning itself. Growth changes only strengths, so most periods of a run change none of these, and the
    /// observers keep their perceived reliabilities (and their logarithms and logistics) from the period before. (An
    /// observer computes them at its first update whatever this says.)
    /// </summary>
    public bool PerceptionInputsChanged { get; private set; }

    /// <summary>The participants whose reliability, signal or learned anchor (now or after the foresight) changed in the
    /// last update, in order: with <see cref="OnlyListedChanged"/>, nothing else the perception reads did.</summary>
    public ReadOnlySpan<int> ChangedParticipants => _changed.AsSpan(0, _changedCount);

    /// <summary>Whether <see cref="ChangedParticipants"/> are all that changed in the last update (not the learning
    /// switch, nor a commitment's information sharing).</summary>
    public bool OnlyListedChanged { get; private set; }

    private readonly int[] _changed;
    private int _changedCount;

    private bool _learning;

    public double ChallengerStrength { get; private set; }

    public double DefenderStrength { get; private set; }

    public double RealisedChallengerStrength { get; private set; }

    public double RealisedDefenderStrength { get; private set; }

    public double DeepenedChallengerStrength { get; private set; }

    public double DeepenedDefenderStrength { get; private set; }

    public ObserverFrame Challenger { get; }

    public ObserverFrame Defender { get; }

    /// <summary>An accurate observer (κ = σ = s = b = 0, true ρ): the attribution's and p_acc's reference.</summary>
    public ObserverFrame Accurate
    {
        get
        {
            EnsureAccurate();
            return _accurate;
        }
    }

    /// <summary>Gets p_acc = CSF(E[S(C)], E[S(D)]), the challenger's chance as an accurate observer sees it.</summary>
    public double AccurateWinProbability
    {
        get
        {
            EnsureAccurate();
            return _accurateWinProbability;
        }
    }

    private readonly ObserverFrame _accurate;
    private double _accurateWinProbability;

    // A period update (UpdatePeriod) leaves the accurate observer and the protagonists' masks other than every factor
    // until read (a war's attribution): most periods of a run have no war. Whether the perception inputs changed in any
    // period since the accurate observer's last update.
    private bool _accuratePending;
    private bool _accurateInputsChanged;

    /// <summary>Recomputes every number from the world; allocates nothing.</summary>
    public void Update(WorldState world) => Recompute(world, deferred: false, commitmentsChanged: true);

    /// <summary>Recomputes the frame for a new period of a run, leaving what only a war reads (the accurate observer, the
    /// protagonists' logits of masks other than every factor) until it is read: the same numbers. Not for a frame that
    /// threads share (the first read writes).</summary>
    /// <param name="world">The world.</param>
    /// <param name="commitmentsChanged">Whether the world's commitments (reliabilities, signals, beliefs) may have
    /// changed since the last update; <see langword="false"/> keeps what the frame derived from them (growth and
    /// overstretch move only strengths).</param>
    public void UpdatePeriod(WorldState world, bool commitmentsChanged) => Recompute(world, deferred: true, commitmentsChanged);

    private void Recompute(WorldState world, bool deferred, bool commitmentsChanged)
    {
        var c = Crisis;
        var capability = world.Capability;
        StateCapability = capability;
        int h = c.Foresight;

        // The preventive test looks H periods ahead: capabilities grow by (1 + g)^H (DESIGN.md section 4's growth,
        // anticipated; Powell 2006's shifting power) while commitments deepen.
        ChallengerStrength = capability[c.ChallengerState] * c.ChallengerProjection;
        DefenderStrength = capability[c.DefenderState] * c.DefenderProjection;
        RealisedChallengerStrength = ChallengerStrength * world.RealisedProjectionFactor[c.ChallengerState];
        RealisedDefenderStrength = DefenderStrength * world.RealisedProjectionFactor[c.DefenderState];
        DeepenedChallengerStrength = ChallengerStrength * StateOutlook[c.ChallengerState];
        DeepenedDefenderStrength = DefenderStrength * StateOutlook[c.DefenderState];
        var deepenRho = world.Scenario.DeepeningReliability;
        var deepenSignal = world.Scenario.DeepeningSignal;
        bool learning = world.Learning;
        bool learningChanged = learning != _learning;
        bool changed = learningChanged;
        bool sharingChanged = false;
        int changedCount = 0;
        _learning = learning;
        for (int p = 0; p < Strength.Length; p++)
        {
            int state = c.ParticipantState[p];
            Strength[p] = capability[state] * c.ParticipantProjection[p];
            RealisedStrength[p] = Strength[p] * world.RealisedProjectionFactor[state];
            DeepenedStrength[p] = Strength[p] * _outlook[p];
        }

        for (int p = 0; p < (commitmentsChanged ? Strength.Length : 0); p++)
        {
            int k = c.ParticipantCommitment[p];
            if (k >= 0)
            {
                double reliability = c.ParticipantInScope[p] ? world.Reliability[k] : world.OutOfScopeReliability[k];
                double signal = world.Signal[k];

                // Foresight H periods of deepening (DESIGN.md section 3): the reliability where the commitment binds and
                // the signal move; out of scope the reliability stays (deepening never changes it).
                double deepenedReliability = c.ParticipantInScope[p] ? Math.Clamp(reliability + (h * deepenRho[k]), 0, 1) : reliability;
                double deepenedSignal = Math.Clamp(signal + (h * deepenSignal[k]), SignalFloor, 1 - SignalFloor);
                double sharing = world.Scenario.InformationSharing[k];
                bool moved = (reliability != Reliability[p]) | (signal != Signal[p]) | (deepenedReliability != DeepenedReliability[p])
                    | (deepenedSignal != DeepenedSignal[p]); // | : no branches
                sharingChanged |= sharing != InformationSharing[p];
                Reliability[p] = reliability;
                Signal[p] = signal;
                DeepenedReliability[p] = deepenedReliability;
                DeepenedSignal[p] = deepenedSignal;
                InformationSharing[p] = sharing;
                if (learning && c.ParticipantInScope[p])
                {
                    // The observers' shared belief (DESIGN.md section 4) and its foresight: deepening is public.
                    double anchor = world.BeliefMean(k);
                    double deepenedAnchor = Math.Clamp(anchor + (h * deepenRho[k]), 0, 1);
                    moved |= (anchor != LearnedAnchor[p]) | (deepenedAnchor != DeepenedLearnedAnchor[p]);
                    LearnedAnchor[p] = anchor;
                    DeepenedLearnedAnchor[p] = deepenedAnchor;
                }

                _changed[changedCount] = p;
                changedCount += moved ? 1 : 0;
            }
        }

        _changedCount = changedCount;
        changed |= sharingChanged | (changedCount > 0);
        OnlyListedChanged = !sharingChanged && !learningChanged;
        PerceptionInputsChanged = changed;

        // A period's update perceives only the participants that moved (the protagonists are updated every period; the
        // accurate observer, deferred, looks at every participant).
        Challenger.Update(this, c.ChallengerPerception, world, changed, deferMasks: deferred, onlyChanged: deferred && OnlyListedChanged);
        Defender.Update(this, c.DefenderPerception, world, changed, deferMasks: deferred, onlyChanged: deferred && OnlyListedChanged);
        _accurateInputsChanged |= changed;
        _accuratePending = true;
        if (!deferred)
        {
            EnsureAccurate();
        }
    }

    private void EnsureAccurate()
    {
        if (_accuratePending)
        {
            _accuratePending = false;
            _accurate.Update(this, PerceptionProfile.Accurate, world: null, _accurateInputsChanged);
            _accurateInputsChanged = false;
            _accurateWinProbability = Logistic(_accurate.ConstantLogit);
        }
    }

    /// <summary>1 / (1 + e^−x), with the engine's own exponential (<see cref="VectorMath"/>): the batched rounds' bits.</summary>
    public static double Logistic(double x) => VectorMath.Logistic(x);

    public static double Logit(double p) => Math.Log(p / (1 - p));
}
