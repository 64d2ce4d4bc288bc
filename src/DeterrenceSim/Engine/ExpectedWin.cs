using DeterrenceSim.Compilation;

namespace DeterrenceSim.Engine;

/// <summary>
/// E[p]: the challenger's expected chance of victory in war, the expectation of the contest success function
/// p = CSF(S(C), S(D)) = 1 / (1 + (S(D) / S(C))^m) (Tullock 1980) over every draw that <c>RoundEngine.War</c> makes
/// before its victory draw: each side supporter's realised support (probability ρ), each escalation strike, and each
/// (alliance, member) join of a triggered alliance (DESIGN.md section 3, "3. War"). Strengths are the frame's realised
/// ones (K π with this period's overstretch). It differs from p_acc = CSF(E[S(C)], E[S(D)]) (Jensen: the CSF is not
/// linear in the strengths, and p_acc leaves out escalation).
/// <para>
/// Method. The <see cref="UncertainStrikeLimit"/> or fewer distinct uncertain strikes are enumerated exactly (strikes
/// with the same target and the same alliances to trigger are one strike with probability 1 - Π(1 - P_e); a strike
/// with neither has no effect). Given the strikes' outcome every participant fights independently, with probability
/// 1 - (1 - ρ_p 1[p supports a side]) (1 - 1[p is struck]) Π over the triggered alliances a holding p of (1 - r_a), and
/// the two sides are independent (strikes and alliances add to D's side only). The uncertain participants of the
/// outcome are those with a positive realised strength and a chance of fighting strictly between 0 and 1, on both
/// sides together; participants certain to fight are added to their side's constant. When the outcome has at most
/// <see cref="ExactParticipantLimit"/> uncertain participants, the 2^n coalitions are enumerated exactly. Otherwise
/// each side with at most <see cref="ExactSideLimit"/> uncertain participants is still enumerated exactly, and a
/// larger side's distribution is built one participant at a time: the empty coalition (the constant alone) apart, every
/// coalition's strength falls in one of <see cref="BinCount"/> bins of equal width in ln S over [constant + smallest
/// strength, constant + all strengths] (equal in ln S because the CSF depends on ln S(C) - ln S(D)), and each bin keeps
/// the probability mass, mean and second moment of the strengths it holds. Shifting a bin's share by a participant's
/// strength and merging it into the bin it lands in keeps the three exactly, so each bin is finally two atoms of half its
/// mass at mean ± standard deviation, which match its mass, mean and variance: the error of E[p] comes from the
/// third and higher moments within a bin. E[p] is then the double sum over the two sides' atoms. Against enumeration
/// on random lumpy cases of up to 22 uncertain participants (strengths over three orders of magnitude with giants 30
/// times larger, m up to 3), the error is below 1e-8 (ExpectedWinTests; the issue asks for 1e-4).
/// </para>
/// <para>
/// Cost: per strike outcome, at most 2^20 CSF evaluations (exact), or the grid's n × <see cref="BinCount"/> updates
/// and about (2 <see cref="BinCount"/>)² CSF evaluations (binned). Computed once per crisis, not per round: buffers
/// grow to the largest case seen and are then reused, so a second call on the same crisis allocates nothing.
/// </para>
/// </summary>
internal sealed class ExpectedWin
{
    /// <summary>At most this many uncertain participants in a strike outcome: exact enumeration (2^20 coalitions).</summary>
    public const int ExactParticipantLimit = 20;

    /// <summary>Above <see cref="ExactParticipantLimit"/>, a side with at most this many uncertain participants is still
    /// enumerated exactly (2^10 = 1,024 atoms, about as many as a binned side's).</summary>
    public const int ExactSideLimit = 10;

    /// <summary>The bins of a binned side's grid (two atoms each, and the empty coalition's).</summary>
    public const int BinCount = 512;

    /// <summary>A crisis with more distinct uncertain strikes than this gets NaN (2^12 = 4,096 strike outcomes at most).</summary>
    public const int UncertainStrikeLimit = 12;

    private readonly CompiledCrisis _crisis;
    private readonly int _exactLimit;
    private readonly int _sideLimit;
    private readonly int _bins;

    // Distinct strikes with an effect: certain ones always happen; uncertain ones are enumerated.
    private readonly int[] _certainTarget;
    private readonly int[][] _certainTriggers;
    private readonly int[] _uncertainTarget;
    private readonly int[][] _uncertainTriggers;
    private readonly double[] _uncertainProbability;

    private readonly double[] _notFight;
    private readonly bool[] _triggered;
    private readonly double[] _challengerStrength;
    private readonly double[] _challengerChance;
    private readonly double[] _defenderStrength;
    private readonly double[] _defenderChance;

    private readonly Side _challengerExact = new();
    private readonly Side _challengerMixed = new();
    private readonly Side _defender = new();

    /// <summary>Initializes a new instance of the <see cref="ExpectedWin"/> class for one crisis.</summary>
    /// <param name="crisis">The crisis.</param>
    /// <param name="exactParticipantLimit">Exact enumeration up to this many uncertain participants (tests pass -1 to
    /// force the grid).</param>
    /// <param name="exactSideLimit">A side enumerated exactly within the grid method up to this many (-1: never).</param>
    /// <param name="binCount">The bins of a binned side.</param>
    public ExpectedWin(CompiledCrisis crisis, int exactParticipantLimit = ExactParticipantLimit, int exactSideLimit = ExactSideLimit, int binCount = BinCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        _crisis = crisis;
        _exactLimit = exactParticipantLimit;
        _sideLimit = exactSideLimit;
        _bins = binCount;
        int n = crisis.ParticipantIds.Length;
        _notFight = new double[n];
        _triggered = new bool[crisis.AllianceIds.Length];
        _challengerStrength = new double[crisis.ChallengerSupporterCount];
        _challengerChance = new double[crisis.ChallengerSupporterCount];
        _defenderStrength = new double[n];
        _defenderChance = new double[n];

        // Strikes with the same effect (target participant, alliances triggered) are one: it happens unless none does.
        var effects = new List<(int Target, int[] Triggers, double Miss)>();
        for (int e = 0; e < crisis.StrikeProbability.Length; e++)
        {
            int target = crisis.StrikeTargetParticipant[e];
            int[] triggers = crisis.StrikeTriggers[e];
            if (target < 0 && triggers.Length == 0)
            {
                continue;
            }

            double miss = 1 - Math.Clamp(crisis.StrikeProbability[e], 0, 1);
            int same = effects.FindIndex(x => x.Target == target && x.Triggers.AsSpan().SequenceEqual(triggers));
            if (same < 0)
            {
                effects.Add((target, triggers, miss));
            }
            else
            {
                effects[same] = (target, triggers, effects[same].Miss * miss);
            }
        }

        var certain = effects.Where(x => x.Miss <= 0).ToArray();
        var uncertain = effects.Where(x => x.Miss > 0 && x.Miss < 1).ToArray();
        _certainTarget = certain.Select(x => x.Target).ToArray();
        _certainTriggers = certain.Select(x => x.Triggers).ToArray();
        _uncertainTarget = uncertain.Select(x => x.Target).ToArray();
        _uncertainTriggers = uncertain.Select(x => x.Triggers).ToArray();
        _uncertainProbability = uncertain.Select(x => 1 - x.Miss).ToArray();
    }

    /// <summary>Gets the number of distinct strikes whose outcome is uncertain (0 &lt; probability &lt; 1): 2^this
    /// outcomes are enumerated.</summary>
    public int UncertainStrikes => _uncertainProbability.Length;

    /// <summary>E[p] for the frame's realised strengths and true reliabilities.</summary>
    /// <param name="frame">The crisis's frame (its <see cref="CrisisFrame.Crisis"/> must be this one's).</param>
    /// <returns>E[p] in [0, 1]; NaN when the crisis has more than <see cref="UncertainStrikeLimit"/> uncertain strikes,
    /// or when both sides can have strength 0.</returns>
    public double Compute(CrisisFrame frame)
    {
        var crisis = _crisis;
        if (!ReferenceEquals(frame.Crisis, crisis))
        {
            throw new ArgumentException("The frame is another crisis's.", nameof(frame));
        }

        if (UncertainStrikes > UncertainStrikeLimit)
        {
            return double.NaN;
        }

        double m = crisis.Decisiveness;
        var strength = frame.RealisedStrength;
        var reliability = frame.Reliability;
        int nC = crisis.ChallengerSupporterCount;
        int nSides = crisis.SideCount;
        int n = strength.Length;

        // C's side does not depend on the strikes.
        double challengerConstant = frame.RealisedChallengerStrength;
        int challengerUncertain = 0;
        for (int p = 0; p < nC; p++)
        {
            double s = strength[p], q = Math.Clamp(reliability[p], 0, 1);
            if (s > 0 && q >= 1)
            {
                challengerConstant += s;
            }
            else if (s > 0 && q > 0)
            {
                _challengerStrength[challengerUncertain] = s;
                _challengerChance[challengerUncertain] = q;
                challengerUncertain++;
            }
        }

        bool challengerExactBuilt = false, challengerMixedBuilt = false;
        double total = 0;
        int outcomes = 1 << UncertainStrikes;
        for (int outcome = 0; outcome < outcomes; outcome++)
        {
            // The outcome's probability, and who fights with what chance given it.
            double probability = 1;
            for (int e = 0; e < UncertainStrikes; e++)
            {
                probability *= (outcome & (1 << e)) != 0 ? _uncertainProbability[e] : 1 - _uncertainProbability[e];
            }

            if (probability == 0)
            {
                continue;
            }

            for (int p = nC; p < n; p++)
            {
                _notFight[p] = p < nSides ? 1 - Math.Clamp(reliability[p], 0, 1) : 1;
            }

            Array.Clear(_triggered);
            for (int e = 0; e < _certainTarget.Length; e++)
            {
                Strike(_certainTarget[e], _certainTriggers[e]);
            }

            for (int e = 0; e < UncertainStrikes; e++)
            {
                if ((outcome & (1 << e)) != 0)
                {
                    Strike(_uncertainTarget[e], _uncertainTriggers[e]);
                }
            }

            foreach (int a in crisis.TriggerableAlliances)
            {
                if (_triggered[a])
                {
                    // One draw per (alliance, member), as the engine draws them.
                    double stay = 1 - Math.Clamp(crisis.AllianceMemberReliability[a], 0, 1);
                    foreach (int member in crisis.AllianceMembers[a])
                    {
                        _notFight[member] *= stay;
                    }
                }
            }

            double defenderConstant = frame.RealisedDefenderStrength;
            int defenderUncertain = 0;
            for (int p = nC; p < n; p++)
            {
                double s = strength[p], q = 1 - _notFight[p];
                if (s > 0 && q >= 1)
                {
                    defenderConstant += s;
                }
                else if (s > 0 && q > 0)
                {
                    _defenderStrength[defenderUncertain] = s;
                    _defenderChance[defenderUncertain] = q;
                    defenderUncertain++;
                }
            }

            Side challenger;
            if (challengerUncertain + defenderUncertain <= _exactLimit)
            {
                if (!challengerExactBuilt)
                {
                    _challengerExact.Enumerate(challengerConstant, _challengerStrength.AsSpan(0, challengerUncertain), _challengerChance.AsSpan(0, challengerUncertain), m);
                    challengerExactBuilt = true;
                }

                challenger = _challengerExact;
                _defender.Enumerate(defenderConstant, _defenderStrength.AsSpan(0, defenderUncertain), _defenderChance.AsSpan(0, defenderUncertain), m);
            }
            else
            {
                if (!challengerMixedBuilt)
                {
                    Build(_challengerMixed, challengerConstant, _challengerStrength.AsSpan(0, challengerUncertain), _challengerChance.AsSpan(0, challengerUncertain), m);
                    challengerMixedBuilt = true;
                }

                challenger = _challengerMixed;
                Build(_defender, defenderConstant, _defenderStrength.AsSpan(0, defenderUncertain), _defenderChance.AsSpan(0, defenderUncertain), m);
            }

            total += probability * Side.ExpectedCsf(challenger, _defender);
        }

        return double.IsNaN(total) ? total : Math.Clamp(total, 0, 1);
    }

    private void Strike(int target, int[] triggers)
    {
        if (target >= 0)
        {
            _notFight[target] = 0;
        }

        foreach (int a in triggers)
        {
            _triggered[a] = true;
        }
    }

    private void Build(Side side, double constant, ReadOnlySpan<double> strength, ReadOnlySpan<double> chance, double m)
    {
        if (strength.Length <= _sideLimit)
        {
            side.Enumerate(constant, strength, chance, m);
        }
        else
        {
            side.Bin(constant, strength, chance, m, _bins);
        }
    }

    /// <summary>The distribution of one side's strength as atoms: value, probability and m ln(value).</summary>
    private sealed class Side
    {
        private double[] _value = new double[1];
        private double[] _mass = new double[1];
        private double[] _logValue = new double[1];
        private double[] _binMass = [];
        private double[] _binMoment = [];
        private double[] _binSquare = [];
        private double[] _binEdge = [];

        public int Count { get; private set; }

        /// <summary>E[CSF] over two independent sides: Σ_i Σ_j w_i v_j / (1 + exp(m ln d_j - m ln c_i)).</summary>
        public static double ExpectedCsf(Side challenger, Side defender)
        {
            var cMass = challenger._mass;
            var cLog = challenger._logValue;
            var dMass = defender._mass.AsSpan(0, defender.Count);
            var dLog = defender._logValue.AsSpan(0, defender.Count);
            double sum = 0;
            for (int i = 0; i < challenger.Count; i++)
            {
                double lc = cLog[i], inner = 0;
                for (int j = 0; j < dMass.Length; j++)
                {
                    inner += dMass[j] / (1 + Math.Exp(dLog[j] - lc));
                }

                sum += cMass[i] * inner;
            }

            return sum;
        }

        /// <summary>Exactly: one atom per subset of the uncertain participants (2^n atoms).</summary>
        public void Enumerate(double constant, ReadOnlySpan<double> strength, ReadOnlySpan<double> chance, double m)
        {
            int atoms = 1 << strength.Length;
            Ensure(ref _value, atoms);
            Ensure(ref _mass, atoms);
            Ensure(ref _logValue, atoms);
            _value[0] = constant;
            _mass[0] = 1;
            int count = 1;
            for (int k = 0; k < strength.Length; k++)
            {
                double s = strength[k], q = chance[k];
                for (int i = 0; i < count; i++)
                {
                    _value[count + i] = _value[i] + s;
                    _mass[count + i] = _mass[i] * q;
                    _mass[i] *= 1 - q;
                }

                count *= 2;
            }

            Count = count;
            for (int i = 0; i < count; i++)
            {
                _logValue[i] = m * Math.Log(_value[i]);
            }
        }

        /// <summary>
        /// The empty coalition's atom (the constant) apart, and the others on a grid of bins of equal width in ln S over
        /// [constant + min strength, constant + Σ strength], each bin with its mass and the mean (and second moment) of
        /// its strength.
        /// </summary>
        public void Bin(double constant, ReadOnlySpan<double> strength, ReadOnlySpan<double> chance, double m, int bins)
        {
            Ensure(ref _binMass, bins);
            Ensure(ref _binMoment, bins);
            Ensure(ref _binSquare, bins);
            var mass = _binMass.AsSpan(0, bins);
            var moment = _binMoment.AsSpan(0, bins); // Σ mass × offset from constant
            var square = _binSquare.AsSpan(0, bins); // Σ mass × offset²
            mass.Clear();
            moment.Clear();
            square.Clear();
            double width = 0, least = double.PositiveInfinity;
            foreach (double s in strength)
            {
                width += s;
                least = Math.Min(least, s);
            }

            // Bin k holds offsets (strength minus constant) in [edge k, edge k+1), the edges equal steps in ln S.
            Ensure(ref _binEdge, bins + 1);
            var edge = _binEdge.AsSpan(0, bins + 1);
            double low = constant + least;
            double step = Math.Log((constant + width) / low) / bins;
            for (int b = 0; b < bins; b++)
            {
                edge[b] = (low * Math.Exp(b * step)) - constant;
            }

            edge[0] = least;
            edge[bins] = width;
            double perBin = step > 0 ? 1 / step : 0;

            double empty = 1;
            int top = -1; // the highest bin with mass
            for (int k = 0; k < strength.Length; k++)
            {
                double s = strength[k], q = chance[k];

                // From the top down: a bin's share moves up (to its own bin or a higher one, already done). Bins' means
                // lie in their bins, so the targets fall as b falls: one pointer, no logarithm per bin.
                int newTop = top;
                int t = bins - 1;
                for (int b = top; b >= 0; b--)
                {
                    double w = mass[b];
                    if (w == 0)
                    {
                        continue;
                    }

                    double mu = moment[b], sq = square[b];
                    double shifted = (mu / w) + s;
                    while (t > b && shifted < edge[t])
                    {
                        t--;
                    }

                    t = Math.Max(t, b); // never below b, whatever the rounding
                    mass[b] = w * (1 - q);
                    moment[b] = mu * (1 - q);
                    square[b] = sq * (1 - q);
                    mass[t] += w * q;
                    moment[t] += q * (mu + (w * s));
                    square[t] += q * (sq + (2 * s * mu) + (w * s * s));
                    newTop = Math.Max(newTop, t);
                }

                // The empty coalition's share with this participant alone.
                int first = Math.Clamp((int)(Math.Log((constant + s) / low) * perBin), 0, bins - 1);
                mass[first] += empty * q;
                moment[first] += empty * q * s;
                square[first] += empty * q * s * s;
                empty *= 1 - q;
                top = Math.Max(newTop, first);
            }

            int count = 1;
            for (int b = 0; b <= top; b++)
            {
                count += mass[b] > 0 ? 2 : 0;
            }

            Ensure(ref _value, count);
            Ensure(ref _mass, count);
            Ensure(ref _logValue, count);
            Atom(0, constant, empty, m);
            int i = 1;
            for (int b = 0; b <= top; b++)
            {
                double w = mass[b];
                if (w > 0)
                {
                    double mean = moment[b] / w;
                    double spread = Math.Sqrt(Math.Max(0, (square[b] / w) - (mean * mean)));
                    if (spread > 0 && mean - spread > 0)
                    {
                        Atom(i++, constant + mean - spread, w / 2, m);
                        Atom(i++, constant + mean + spread, w / 2, m);
                    }
                    else
                    {
                        Atom(i++, constant + mean, w, m);
                    }
                }
            }

            Count = i;
        }

        private void Atom(int i, double value, double mass, double m)
        {
            _value[i] = value;
            _mass[i] = mass;
            _logValue[i] = m * Math.Log(value);
        }

        private static void Ensure(ref double[] buffer, int length)
        {
            if (buffer.Length < length)
            {
                buffer = new double[Math.Max(length, buffer.Length * 2)];
            }
        }
    }
}
