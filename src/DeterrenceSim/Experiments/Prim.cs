using System.Globalization;
using MathNet.Numerics;

namespace DeterrenceSim.Experiments;

/// <summary>The Patient Rule Induction Method for scenario discovery: finds a box (limits on the inputs) that holds many
/// of the cases of interest (coverage) and few others (density). Friedman &amp; Fisher (1999), "Bump hunting in
/// high-dimensional data", Statistics and Computing 9; as adapted by Bryant &amp; Lempert (2010), "Thinking inside the
/// box", Technological Forecasting and Social Change 77; following EMA Workbench's implementation
/// (<c>ema_workbench/analysis/prim.py</c>, Kwakkel, 2017) for continuous inputs and one box.</summary>
public static class Prim
{
    /// <summary>Runs PRIM on continuous inputs: peels from the box of all the data to the minimum mass, chooses a step of
    /// the trajectory (<see cref="PrimOptions.Step"/>, <see cref="PrimOptions.MinimumDensity"/>, else the last), pastes
    /// it, and computes the quasi-p-value of each restricted limit.</summary>
    /// <remarks>
    /// <para>Peeling (EMA Workbench <c>_peel</c>, <c>_real_peel</c>): at each step, for each input, two candidates: drop
    /// the box's points below the α-quantile of the input (the new lower limit), or above the (1 − α)-quantile (the new
    /// upper limit); quantiles as EMA Workbench's <c>get_quantile</c> (the midpoint between the two order statistics
    /// around (n − 1)q, moved outward past ties). Candidates that remove no point are skipped. The candidate of highest
    /// density is taken (ties: the larger mass, then fewer restricted inputs, then the first in column order, upper
    /// before lower); peeling stops when its mass would fall below <see cref="PrimOptions.MinimumMass"/> or its density
    /// is 0.</para>
    /// <para>Pasting (EMA Workbench <c>_paste</c>, <c>_real_paste</c>): for each restricted limit, the candidate moves it
    /// out to the α-quantile (counted from the box) of the data in the strip between the limit and the data's range, with
    /// the other limits held. The candidate of highest density is taken (same ties) while it adds cases, keeps the mass
    /// at least the minimum, and strictly raises the density.</para>
    /// <para>Quasi-p-values (Bryant &amp; Lempert, 2010, section 3.2; EMA Workbench <c>calculate_qp</c> and
    /// <c>_calculate_quasip</c>): for each restricted limit of the pasted box, the box with that one limit moved back to
    /// the data's range holds n_j cases, k_j of interest; with p = k_j / n_j, qp = P(X ≥ k_box) for
    /// X ~ Binomial(n_box, p), the one-sided <c>scipy.stats.binomtest(k_box, n_box, p, alternative="greater")</c>. It is
    /// computed as the regularized incomplete beta I_p(k_box, n_box − k_box + 1), the same function MathNet's
    /// <c>Binomial.CDF</c> uses, so that small values keep their precision (1 − CDF would round them to 0).</para>
    /// </remarks>
    /// <param name="inputs">The cases: rows × inputs, each row one case, all rows of the same length, finite values.</param>
    /// <param name="inputNames">The inputs' names, one a column.</param>
    /// <param name="ofInterest">Whether each case is of interest, one a row; at least one case must be, and one not.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The trajectory, the chosen step and its pasted box with restrictions.</returns>
    /// <exception cref="ArgumentNullException">An argument, a row or a name is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There are no rows or no inputs, the rows are ragged, a value is NaN or infinite,
    /// the names or flags do not match the columns or rows, or no case (or every case) is of interest.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, or <see cref="PrimOptions.Step"/> is past
    /// the trajectory's end.</exception>
    public static PrimResult Run(double[][] inputs, IReadOnlyList<string> inputNames, bool[] ofInterest, PrimOptions? options = null)
    {
        options ??= new PrimOptions();
        options.Validate();
        double[][] columns = Columns(inputs, inputNames, ofInterest);
        var data = new Data(columns, ofInterest);

        var lower = (double[])data.InitLower.Clone();
        var upper = (double[])data.InitUpper.Clone();
        int[] box = Enumerable.Range(0, data.Rows).ToArray();
        var trajectory = new List<PrimBox> { data.Box(lower, upper, box) };
        var limits = new List<(double[] Lower, double[] Upper, int[] Rows)> { (lower, upper, box) };
        while (Peel(data, lower, upper, box, options) is { } peeled)
        {
            (lower, upper, box) = peeled;
            trajectory.Add(data.Box(lower, upper, box));
            limits.Add(peeled);
        }

        int step = Choose(trajectory, options);
        (lower, upper, box) = limits[step];
        lower = (double[])lower.Clone();
        upper = (double[])upper.Clone();
        while (Paste(data, lower, upper, box, options) is { } pasted)
        {
            (lower, upper, box) = pasted;
        }

        PrimBox final = data.Box(lower, upper, box);
        return new PrimResult(inputNames.ToArray(), trajectory, step, final, Restrictions(data, inputNames, final));
    }

    private static double[][] Columns(double[][] inputs, IReadOnlyList<string> inputNames, bool[] ofInterest)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(inputNames);
        ArgumentNullException.ThrowIfNull(ofInterest);
        if (inputs.Length == 0)
        {
            throw new ArgumentException("PRIM needs at least one case (row).", nameof(inputs));
        }

        ArgumentNullException.ThrowIfNull(inputs[0], "inputs[0]");
        int width = inputs[0].Length;
        if (width == 0)
        {
            throw new ArgumentException("PRIM needs at least one input (column).", nameof(inputs));
        }

        if (inputNames.Count != width)
        {
            throw new ArgumentException($"There are {inputNames.Count} input names for {width} input columns.", nameof(inputNames));
        }

        for (int j = 0; j < width; j++)
        {
            ArgumentNullException.ThrowIfNull(inputNames[j], $"inputNames[{j}]");
        }

        if (ofInterest.Length != inputs.Length)
        {
            throw new ArgumentException($"There are {ofInterest.Length} flags of interest for {inputs.Length} rows.", nameof(ofInterest));
        }

        int interest = ofInterest.Count(f => f);
        if (interest == 0 || interest == ofInterest.Length)
        {
            string which = interest == 0 ? "No" : "Every";
            throw new ArgumentException($"{which} case is of interest; PRIM needs cases of interest and cases not of interest.", nameof(ofInterest));
        }

        var columns = new double[width][];
        for (int j = 0; j < width; j++)
        {
            columns[j] = new double[inputs.Length];
        }

        for (int i = 0; i < inputs.Length; i++)
        {
            double[] row = inputs[i] ?? throw new ArgumentNullException(nameof(inputs), string.Create(CultureInfo.InvariantCulture, $"Row {i} is null."));
            if (row.Length != width)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Row {i} has {row.Length} inputs; row 0 has {width} (ragged rows)."), nameof(inputs));
            }

            for (int j = 0; j < width; j++)
            {
                if (!double.IsFinite(row[j]))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Row {i}, input '{inputNames[j]}' is {row[j]}; PRIM needs finite values."), nameof(inputs));
                }

                columns[j][i] = row[j];
            }
        }

        return columns;
    }

    private static int Choose(List<PrimBox> trajectory, PrimOptions options)
    {
        if (options.Step is { } step)
        {
            if (step >= trajectory.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(options), step, $"Step {step} is past the trajectory's last step, {trajectory.Count - 1}.");
            }

            return step;
        }

        if (options.MinimumDensity is not { } threshold)
        {
            return trajectory.Count - 1;
        }

        int best = 0;
        for (int s = 0; s < trajectory.Count; s++)
        {
            if (trajectory[s].Density >= threshold)
            {
                // Later steps that keep every case of interest only drop others: the densest of them is the better box.
                while (s + 1 < trajectory.Count && trajectory[s + 1].Coverage == trajectory[s].Coverage && trajectory[s + 1].Density > trajectory[s].Density)
                {
                    s++;
                }

                return s;
            }

            if (trajectory[s].Density > trajectory[best].Density)
            {
                best = s;
            }
        }

        return best;
    }

    private static (double[] Lower, double[] Upper, int[] Rows)? Peel(Data data, double[] lower, double[] upper, int[] box, PrimOptions options)
    {
        Candidate? best = null;
        var values = new double[box.Length];
        for (int j = 0; j < data.Columns.Length; j++)
        {
            double[] column = data.Columns[j];
            for (int r = 0; r < box.Length; r++)
            {
                values[r] = column[box[r]];
            }

            Array.Sort(values);
            double upperCut = Quantile(values, 1 - options.PeelAlpha);
            double lowerCut = Quantile(values, options.PeelAlpha);
            best = Better(best, data.Evaluate(box, j, upper: true, upperCut, lower, upper));
            best = Better(best, data.Evaluate(box, j, upper: false, lowerCut, lower, upper));
        }

        if (best is not { } b || (double)b.Cases / data.Rows < options.MinimumMass || b.Interest == 0)
        {
            return null;
        }

        return data.Apply(b, box, lower, upper);
    }

    private static (double[] Lower, double[] Upper, int[] Rows)? Paste(Data data, double[] lower, double[] upper, int[] box, PrimOptions options)
    {
        Candidate? best = null;
        var strip = new List<double>();
        for (int j = 0; j < data.Columns.Length; j++)
        {
            foreach (bool isUpper in (ReadOnlySpan<bool>)[false, true])
            {
                double limit = isUpper ? upper[j] : lower[j];
                double bound = isUpper ? data.InitUpper[j] : data.InitLower[j];
                if (limit == bound)
                {
                    continue;
                }

                strip.Clear();
                double from = isUpper ? limit : bound, to = isUpper ? bound : limit;
                for (int i = 0; i < data.Rows; i++)
                {
                    double x = data.Columns[j][i];
                    if (x >= from && x <= to && data.InBox(i, lower, upper, skip: j))
                    {
                        strip.Add(x);
                    }
                }

                double[] sorted = [.. strip];
                Array.Sort(sorted);
                double value = sorted.Length == 0 ? bound : Quantile(sorted, isUpper ? options.PasteAlpha : 1 - options.PasteAlpha);
                Candidate candidate = data.EvaluateAll(j, isUpper, value, lower, upper);
                if (candidate.Cases > box.Length)
                {
                    best = Better(best, candidate);
                }
            }
        }

        if (best is not { } b || (double)b.Cases / data.Rows < options.MinimumMass)
        {
            return null;
        }

        int interestOld = data.Interest(box);
        if ((long)b.Interest * box.Length <= (long)interestOld * b.Cases)
        {
            return null; // the density would not rise
        }

        double[] newLower = (double[])lower.Clone(), newUpper = (double[])upper.Clone();
        (b.Upper ? newUpper : newLower)[b.Input] = b.Value;
        int[] rows = Enumerable.Range(0, data.Rows).Where(i => data.InBox(i, newLower, newUpper, skip: -1)).ToArray();
        return (newLower, newUpper, rows);
    }

    private static Candidate? Better(Candidate? best, Candidate? candidate)
    {
        if (candidate is not { } c)
        {
            return best;
        }

        if (best is not { } b)
        {
            return c;
        }

        // Density c.I / c.N against b.I / b.N, compared exactly; then mass; then fewer restricted inputs.
        long lhs = (long)c.Interest * b.Cases, rhs = (long)b.Interest * c.Cases;
        if (lhs != rhs)
        {
            return lhs > rhs ? c : b;
        }

        if (c.Cases != b.Cases)
        {
            return c.Cases > b.Cases ? c : b;
        }

        return c.Restricted < b.Restricted ? c : b;
    }

    /// <summary>EMA Workbench's <c>get_quantile</c> (after sdtoolkit): on sorted data, the midpoint of the order statistics
    /// at floor and ceiling of (n − 1)q, the outer one moved past ties (down for q &gt; 0.5, up otherwise).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        double position = (sorted.Length - 1) * q;
        int low = (int)Math.Floor(position), high = (int)Math.Ceiling(position);
        if (q > 0.5)
        {
            while (sorted[low] == sorted[high] && low > 0)
            {
                low--;
            }
        }
        else
        {
            while (sorted[low] == sorted[high] && high < sorted.Length - 1)
            {
                high++;
            }
        }

        return (sorted[low] + sorted[high]) / 2;
    }

    private static List<PrimRestriction> Restrictions(Data data, IReadOnlyList<string> names, PrimBox box)
    {
        double[] lower = [.. box.Lower], upper = [.. box.Upper];
        var restrictions = new List<PrimRestriction>();
        for (int j = 0; j < lower.Length; j++)
        {
            bool lowerRestricted = lower[j] != data.InitLower[j], upperRestricted = upper[j] != data.InitUpper[j];
            if (!lowerRestricted && !upperRestricted)
            {
                continue;
            }

            double? lowerQp = lowerRestricted ? QuasiP(box, data.EvaluateAll(j, upper: false, data.InitLower[j], lower, upper)) : null;
            double? upperQp = upperRestricted ? QuasiP(box, data.EvaluateAll(j, upper: true, data.InitUpper[j], lower, upper)) : null;
            restrictions.Add(new PrimRestriction(names[j], j, lower[j], upper[j], lowerQp, upperQp));
        }

        return restrictions;
    }

    /// <summary>P(X ≥ k_box), X ~ Binomial(n_box, k_j / n_j): I_p(k, n − k + 1).</summary>
    private static double QuasiP(PrimBox box, Candidate relaxed)
    {
        double p = (double)relaxed.Interest / relaxed.Cases;
        int k = box.CasesOfInterest, n = box.Cases;
        if (k == 0 || p >= 1)
        {
            return 1;
        }

        return p <= 0 ? 0 : SpecialFunctions.BetaRegularized(k, n - k + 1, p);
    }

    /// <summary>A candidate box: one limit of one input moved to a value, with the cases it holds.</summary>
    private readonly record struct Candidate(int Input, bool Upper, double Value, int Cases, int Interest, int Restricted);

    private sealed class Data
    {
        public Data(double[][] columns, bool[] ofInterest)
        {
            Columns = columns;
            OfInterest = ofInterest;
            Rows = ofInterest.Length;
            TotalInterest = ofInterest.Count(f => f);
            InitLower = columns.Select(c => c.Min()).ToArray();
            InitUpper = columns.Select(c => c.Max()).ToArray();
        }

        public double[][] Columns { get; }

        public bool[] OfInterest { get; }

        public int Rows { get; }

        public int TotalInterest { get; }

        public double[] InitLower { get; }

        public double[] InitUpper { get; }

        public PrimBox Box(double[] lower, double[] upper, int[] rows) =>
            new((double[])lower.Clone(), (double[])upper.Clone(), rows.Length, Interest(rows), Rows, TotalInterest, Restricted(lower, upper, -1, 0));

        public int Interest(int[] rows)
        {
            int k = 0;
            foreach (int i in rows)
            {
                k += OfInterest[i] ? 1 : 0;
            }

            return k;
        }

        public bool InBox(int i, double[] lower, double[] upper, int skip)
        {
            for (int j = 0; j < Columns.Length; j++)
            {
                double x = Columns[j][i];
                if (j != skip && (x < lower[j] || x > upper[j]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The number of restricted inputs of the box with one limit of <paramref name="input"/> moved to
        /// <paramref name="value"/>; <paramref name="input"/> −1 for the box as it is.</summary>
        public int Restricted(double[] lower, double[] upper, int input, double value, bool isUpper = false)
        {
            int count = 0;
            for (int j = 0; j < Columns.Length; j++)
            {
                double lo = j == input && !isUpper ? value : lower[j];
                double hi = j == input && isUpper ? value : upper[j];
                count += lo != InitLower[j] || hi != InitUpper[j] ? 1 : 0;
            }

            return count;
        }

        /// <summary>A peel of the rows in <paramref name="box"/>: keeps those at or inside the cut; null if none leaves.</summary>
        public Candidate? Evaluate(int[] box, int input, bool upper, double cut, double[] lowerLimits, double[] upperLimits)
        {
            double[] column = Columns[input];
            int n = 0, k = 0;
            foreach (int i in box)
            {
                double x = column[i];
                if (upper ? x <= cut : x >= cut)
                {
                    n++;
                    k += OfInterest[i] ? 1 : 0;
                }
            }

            return n == box.Length ? null : new Candidate(input, upper, cut, n, k, Restricted(lowerLimits, upperLimits, input, cut, upper));
        }

        /// <summary>The box with one limit moved to <paramref name="value"/>, counted over all the data.</summary>
        public Candidate EvaluateAll(int input, bool upper, double value, double[] lowerLimits, double[] upperLimits)
        {
            double lo = upper ? lowerLimits[input] : value, hi = upper ? value : upperLimits[input];
            int n = 0, k = 0;
            for (int i = 0; i < Rows; i++)
            {
                double x = Columns[input][i];
                if (x >= lo && x <= hi && InBox(i, lowerLimits, upperLimits, skip: input))
                {
                    n++;
                    k += OfInterest[i] ? 1 : 0;
                }
            }

            return new Candidate(input, upper, value, n, k, Restricted(lowerLimits, upperLimits, input, value, upper));
        }

        public (double[] Lower, double[] Upper, int[] Rows) Apply(Candidate c, int[] box, double[] lower, double[] upper)
        {
            double[] newLower = (double[])lower.Clone(), newUpper = (double[])upper.Clone();
            (c.Upper ? newUpper : newLower)[c.Input] = c.Value;
            double[] column = Columns[c.Input];
            int[] rows = box.Where(i => c.Upper ? column[i] <= c.Value : column[i] >= c.Value).ToArray();
            return (newLower, newUpper, rows);
        }
    }
}
