using System.Globalization;
using System.Text;
using System.Text.Json;
using MathNet.Numerics;
using MathNet.Numerics.Random;

namespace DeterrenceSim.Experiments;

/// <summary>
/// An experimental design: the list of design points at which a sweep evaluates the scenario, each point a value for
/// every <see cref="Factor"/>. A design is a value: it prints (<see cref="ToString"/>), saves (<see cref="ToJson"/>) and
/// reloads (<see cref="FromJson"/>) to the same points, which are computed on demand by index
/// (<see cref="GetPoint(long, Span{double})"/>), so a design of millions of points costs no memory beyond a Latin hypercube's strata.
/// </summary>
/// <example>
/// <code>
/// var design = ExperimentDesign.Grid(
///     Factor.Parse("states.CHN.perception.credulity=0:1:11"),
///     Factor.Parse("commitments.*.signal=0.3:0.9:7"));   // 77 points
/// var lhs = ExperimentDesign.LatinHypercube(200, seed: 7, Factor.Parse("states.CHN.perception.noise=0:0.5"));
/// </code>
/// </example>
public sealed class ExperimentDesign : IEquatable<ExperimentDesign>
{
    /// <summary>The largest number of points a design may have (2^40).</summary>
    public const long MaxPoints = 1L << 40;

    /// <summary>The largest Latin hypercube (2^24 points): its strata are held in memory, 8 bytes per point and factor.</summary>
    public const int MaxLatinHypercubeSamples = 1 << 24;

    /// <summary>The largest number of grid levels p of a Morris design (2^20).</summary>
    public const int MaxMorrisLevels = 1 << 20;

    /// <summary>The key of a Morris design's trajectory streams, so that they share no key with other uses of the seed.</summary>
    private const ulong MorrisDomain = 0x4D6F727269734545UL; // "MorrisEE"

    private readonly Factor[] _factors;
    private readonly long[] _strides = [];
    private readonly double[][] _hypercube = [];
    private readonly SobolSequence? _sobol;
    private readonly long _sobolSkip;

    private ExperimentDesign(DesignKind kind, Factor[] factors, long samples, ulong seed, int levels = 0)
    {
        if (factors.Length == 0)
        {
            throw new ArgumentException("A design needs at least one factor.", nameof(factors));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var factor in factors)
        {
            ArgumentNullException.ThrowIfNull(factor, nameof(factors));
            factor.Validate();
            if (!seen.Add(factor.Path))
            {
                throw new ArgumentException($"The factor '{factor.Path}' is given twice.", nameof(factors));
            }

            if (kind == DesignKind.Grid && !factor.IsDiscrete)
            {
                throw new ArgumentException($"A grid factor needs a level count: expected '{factor.Path}=lo:hi:count', found '{factor}'.", nameof(factors));
            }

            if (kind != DesignKind.Grid && factor.IsDiscrete)
            {
                throw new ArgumentException($"A {Name(kind)} factor is continuous: expected '{factor.Path}=lo:hi', found '{factor}'.", nameof(factors));
            }
        }

        Kind = kind;
        _factors = factors;
        Seed = seed;
        switch (kind)
        {
            case DesignKind.Grid:
                _strides = new long[factors.Length];
                long count = 1;
                for (int i = factors.Length - 1; i >= 0; i--)
                {
                    _strides[i] = count;
                    if (count > MaxPoints / factors[i].Levels)
                    {
                        double points = factors.Aggregate(1.0, (product, f) => product * f.Levels);
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The grid has {points:G3} points (the product of the level counts), more than the {MaxPoints} allowed."), nameof(factors));
                    }

                    count *= factors[i].Levels;
                }

                Samples = count;
                PointCount = count;
                break;
            case DesignKind.LatinHypercube:
                if (samples < 1 || samples > MaxLatinHypercubeSamples)
                {
                    throw new ArgumentOutOfRangeException(nameof(samples), samples, $"A Latin hypercube needs from 1 to {MaxLatinHypercubeSamples} samples.");
                }

                Samples = samples;
                PointCount = samples;
                _hypercube = Strata(factors.Length, (int)samples, seed);
                break;
            case DesignKind.Morris:
                if (levels < 2 || levels > MaxMorrisLevels || levels % 2 != 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(levels), levels, $"A Morris design needs an even number of levels p from 2 to {MaxMorrisLevels}: with an odd p the step p/(2(p-1)) leaves the grid of p levels.");
                }

                long maxTrajectories = MaxPoints / (factors.Length + 1);
                if (samples < 1 || samples > maxTrajectories)
                {
                    throw new ArgumentOutOfRangeException(nameof(samples), samples, $"A Morris design with {factors.Length} factors needs from 1 to {maxTrajectories} trajectories.");
                }

                Samples = samples;
                Levels = levels;
                PointCount = samples * (factors.Length + 1);
                break;
            default:
                if (2 * factors.Length > SobolSequence.MaxDimensions)
                {
                    throw new ArgumentException($"A Sobol design takes at most {SobolSequence.MaxDimensions / 2} factors, found {factors.Length}.", nameof(factors));
                }

                // Base rows start at the power of two >= N (see Sobol), so N + skip must fit the sequence.
                long limit = Math.Min(SobolSequence.MaxPoints / 2, MaxPoints / (factors.Length + 2));
                if (samples < 1 || samples > limit)
                {
                    throw new ArgumentOutOfRangeException(nameof(samples), samples, $"A Sobol design with {factors.Length} factors needs from 1 to {limit} base samples.");
                }

                Samples = samples;
                PointCount = SaltelliSampling.PointCount(samples, factors.Length);
                _sobol = new SobolSequence(2 * factors.Length);
                _sobolSkip = Math.Max(2, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)samples));
                break;
        }
    }

    /// <summary>The kind of design.</summary>
    public DesignKind Kind { get; }

    /// <summary>The factors, in column order.</summary>
    public IReadOnlyList<Factor> Factors => _factors;

    /// <summary>The base sample size N: the point count of a grid or Latin hypercube, the base rows of a Sobol design,
    /// the trajectories r of a Morris design.</summary>
    public long Samples { get; }

    /// <summary>The seed of a Latin hypercube's strata and positions or of a Morris design's trajectories; unused by grid
    /// and Sobol designs (0).</summary>
    public ulong Seed { get; }

    /// <summary>The number of grid levels p of a Morris design (even, 2 to <see cref="MaxMorrisLevels"/>); 0 for other
    /// designs.</summary>
    public int Levels { get; }

    /// <summary>The step Δ = p/(2(p − 1)) of a Morris design, in units of each factor's normalised range [0, 1] (2/3 for
    /// p = 4); 0 for other designs.</summary>
    public double Delta => Levels == 0 ? 0 : Levels / (2.0 * (Levels - 1));

    /// <summary>The number of design points: the product of the level counts (grid), N (Latin hypercube), N(k+2)
    /// (Sobol, with k factors) or r(k+1) (Morris).</summary>
    public long PointCount { get; }

    /// <summary>A full factorial grid over factors with level counts.</summary>
    /// <param name="factors">The factors (<c>PATH=lo:hi:count</c>), the first varying slowest.</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentException">No factors, a repeated path, a factor without levels, or more than
    /// <see cref="MaxPoints"/> points.</exception>
    public static ExperimentDesign Grid(params Factor[] factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return new(DesignKind.Grid, [.. factors], 0, 0);
    }

    /// <summary>A Latin hypercube (McKay, Beckman and Conover 1979, Technometrics 21:239-245): each factor's range is cut
    /// into <paramref name="samples"/> equal strata, a random permutation assigns one stratum to each point and the
    /// point lies uniformly within it. Generated with MathNet's xoshiro256** from <paramref name="seed"/>.</summary>
    /// <param name="samples">The number of points, 1 to <see cref="MaxLatinHypercubeSamples"/>.</param>
    /// <param name="seed">The seed of the permutations and positions.</param>
    /// <param name="factors">Continuous factors (<c>PATH=lo:hi</c>).</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentException">No factors, a repeated path or a factor with levels.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is out of range.</exception>
    public static ExperimentDesign LatinHypercube(long samples, ulong seed, params Factor[] factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return new(DesignKind.LatinHypercube, [.. factors], samples, seed);
    }

    /// <summary>Saltelli's design for first- and total-order Sobol indices (Saltelli et al. 2010, Computer Physics
    /// Communications 181:259-270): N base rows of the unscrambled Sobol sequence with Joe and Kuo (2008) direction
    /// numbers in 2k dimensions, each row giving k+2 points (A, the k mixes AB^(i), B). The rows are the sequence's points
    /// 2^m to 2^m + N - 1 for the power of two 2^m &gt;= N (and &gt;= 2): a block that starts at a multiple of its length keeps the
    /// sequence's balance, and it leaves out points 0 and 1 (all zeros, all halves), where A = B and the row says nothing.
    /// Use a power of two for N.</summary>
    /// <param name="samples">The base sample size N.</param>
    /// <param name="factors">Continuous factors (<c>PATH=lo:hi</c>), at most <see cref="SobolSequence.MaxDimensions"/>/2.</param>
    /// <returns>The design, of N(k+2) points.</returns>
    /// <exception cref="ArgumentException">No factors, a repeated path, a factor with levels, or too many factors.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is out of range.</exception>
    public static ExperimentDesign Sobol(long samples, params Factor[] factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return new(DesignKind.Sobol, [.. factors], samples, 0);
    }

    /// <summary>Morris's elementary-effects screening design (Morris 1991, Technometrics 33(2):161-174), as SALib's
    /// <c>morris.sample</c> builds it: <paramref name="trajectories"/> trajectories of k + 1 points each, in order, on the
    /// grid of p = <paramref name="levels"/> levels 0, 1/(p−1), ..., 1 of each factor's normalised range.</summary>
    /// <remarks>
    /// <para>
    /// Trajectory t starts at a base point x* whose coordinates are drawn uniformly from the lower p/2 levels (0 to
    /// (p/2 − 1)/(p−1), so that x* + Δ stays within [0, 1]), with Δ = p/(2(p − 1)) (<see cref="Delta"/>). Each factor
    /// also draws a direction (+1 or −1, equally likely) and the factors are put in a random order (a uniform
    /// permutation). Point j of the trajectory (j = 0 to k) has factor i at x*_i + Δ when (it has moved, j &gt; its
    /// place in the order) equals (its direction is +1), and at x*_i otherwise: point 0 has each factor at its start,
    /// and point j differs from point j − 1 in exactly one factor, by ±Δ, the j-th in the order. This is Morris's
    /// B* = (J x* + (Δ/2)[(2B − J)D* + J])P* (Morris 1991, section 3; Campolongo, Cariboni &amp; Saltelli 2007).
    /// </para>
    /// <para>
    /// Design point t(k + 1) + j is point j of trajectory t. Normalised values map to a factor's range as a grid does:
    /// <c>lo + (hi − lo) * level / (p − 1)</c>, rounded to 15 significant digits (<see cref="Factor.Level"/>), exactly
    /// <c>hi</c> at the top level. Each trajectory's draws come from a SplitMix64 stream keyed by the seed and the
    /// trajectory's index, so the points are computed on demand, in any order, and depend only on (seed, r, p, factors).
    /// </para>
    /// </remarks>
    /// <param name="trajectories">The number of trajectories r (1 or more; the analysis needs 2, and 10 to 50 is usual).</param>
    /// <param name="levels">The number of grid levels p: even, 2 to <see cref="MaxMorrisLevels"/>. The usual choice is 4.</param>
    /// <param name="seed">The seed of the trajectories.</param>
    /// <param name="factors">Continuous factors (<c>PATH=lo:hi</c>), uniform on their ranges.</param>
    /// <returns>The design, of r(k + 1) points.</returns>
    /// <exception cref="ArgumentException">No factors, a repeated path or a factor with levels.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="levels"/> is odd or out of range, or
    /// <paramref name="trajectories"/> is below 1 or gives more than <see cref="MaxPoints"/> points.</exception>
    public static ExperimentDesign Morris(long trajectories, int levels, ulong seed, params Factor[] factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return new(DesignKind.Morris, [.. factors], trajectories, seed, levels);
    }

    /// <summary>Parses a design kind as written on the command line and in saved designs: <c>grid</c>, <c>lhs</c>,
    /// <c>sobol</c>, <c>morris</c>.</summary>
    /// <param name="name">The name (case-insensitive).</param>
    /// <returns>The kind.</returns>
    /// <exception cref="FormatException">The name is none of those.</exception>
    public static DesignKind ParseKind(string name) => name?.ToLowerInvariant() switch
    {
        "grid" => DesignKind.Grid,
        "lhs" => DesignKind.LatinHypercube,
        "sobol" => DesignKind.Sobol,
        "morris" => DesignKind.Morris,
        _ => throw new FormatException($"expected a design kind grid, lhs, sobol or morris, found '{name}'."),
    };

    /// <summary>The name of a design kind: <c>grid</c>, <c>lhs</c>, <c>sobol</c> or <c>morris</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string Name(DesignKind kind) => kind switch
    {
        DesignKind.Grid => "grid",
        DesignKind.LatinHypercube => "lhs",
        DesignKind.Morris => "morris",
        _ => "sobol",
    };

    /// <summary>Reloads a design saved with <see cref="ToJson"/>, or the design recorded in a sweep's sidecar
    /// (<c>OUTPUT.sweep.json</c>).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The design, with the same points.</returns>
    /// <exception cref="FormatException">The text is not a saved design; the message names the field.</exception>
    public static ExperimentDesign FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;

            // A sweep's sidecar holds the design in its identity.
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("identity", out var identity) && identity.ValueKind == JsonValueKind.Object)
            {
                root = identity;
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("design", out var design) && design.ValueKind == JsonValueKind.Object)
            {
                root = design;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"expected a JSON object, found {Shown(root)}.");
            }

            var kind = ParseKind(TextField(root, "kind"));
            long samples = IntegerField(root, "samples", long.MinValue, long.MaxValue);
            var seedElement = Property(root, "seed");
            ulong seed = seedElement.ValueKind == JsonValueKind.Number && seedElement.TryGetUInt64(out ulong s) ? s : throw Wrong("seed", "an integer from 0 to 18446744073709551615", seedElement);
            var factorArray = Property(root, "factors");
            if (factorArray.ValueKind != JsonValueKind.Array || factorArray.EnumerateArray().Any(f => f.ValueKind != JsonValueKind.Object))
            {
                throw Wrong("factors", "an array of objects", factorArray);
            }

            var factors = factorArray.EnumerateArray()
                .Select(f => new Factor(TextField(f, "path"), NumberField(f, "lower"), NumberField(f, "upper"), (int)IntegerField(f, "levels", int.MinValue, int.MaxValue)))
                .ToArray();
            int levels = kind == DesignKind.Morris ? (int)IntegerField(root, "levels", int.MinValue, int.MaxValue) : 0;
            var loaded = new ExperimentDesign(kind, factors, samples, seed, levels);
            if (root.TryGetProperty("points", out var points) && points.GetInt64() != loaded.PointCount)
            {
                throw new ArgumentException($"the design says it has {points.GetInt64()} points, but its kind, samples and factors give {loaded.PointCount}.");
            }

            return loaded;
        }
        catch (JsonException e) when (e.LineNumber is not null)
        {
            // The position one-based, as scenario files' syntax errors are reported.
            throw new FormatException($"Not a saved experiment design: expected well-formed JSON, found a syntax error at line {e.LineNumber + 1}, column {(e.BytePositionInLine ?? 0) + 1} ({Scenarios.ScenarioJsonReader.FirstSentence(e.Message)}).", e);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            throw new FormatException("Not a saved experiment design: " + e.Message, e);
        }
    }

    /// <summary>Computes one design point.</summary>
    /// <param name="index">The point, 0 to <see cref="PointCount"/> - 1.</param>
    /// <param name="values">Receives the value of each factor, in <see cref="Factors"/> order.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not have one element per factor.</exception>
    public void GetPoint(long index, Span<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, PointCount);
        if (values.Length != _factors.Length)
        {
            throw new ArgumentException($"Expected a span of {_factors.Length} values, found {values.Length}.", nameof(values));
        }

        switch (Kind)
        {
            case DesignKind.Grid:
                for (int i = 0; i < _factors.Length; i++)
                {
                    values[i] = _factors[i].Level((int)(index / _strides[i] % _factors[i].Levels));
                }

                break;
            case DesignKind.LatinHypercube:
                for (int i = 0; i < _factors.Length; i++)
                {
                    values[i] = _factors[i].FromUnit(_hypercube[i][index]);
                }

                break;
            case DesignKind.Morris:
                MorrisPoint(index, values);
                break;
            default:
                SaltelliSampling.GetUnitPoint(_sobol!, _factors.Length, index + (_sobolSkip * (_factors.Length + 2)), values);
                for (int i = 0; i < _factors.Length; i++)
                {
                    values[i] = _factors[i].FromUnit(values[i]);
                }

                break;
        }
    }

    /// <summary>Computes one design point.</summary>
    /// <param name="index">The point, 0 to <see cref="PointCount"/> - 1.</param>
    /// <returns>The value of each factor, in <see cref="Factors"/> order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public double[] GetPoint(long index)
    {
        var values = new double[_factors.Length];
        GetPoint(index, values);
        return values;
    }

    /// <summary>Saves the design: kind, samples, seed and factors, from which <see cref="FromJson"/> rebuilds the same
    /// points. Numbers round-trip exactly.</summary>
    /// <returns>Indented JSON text.</returns>
    public string ToJson() => Scenarios.JsonText.Write(WriteTo);

    /// <summary>Writes the design as a JSON object (the form of <see cref="ToJson"/>).</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("kind", Name(Kind));
        writer.WriteNumber("samples", Samples);
        writer.WriteNumber("seed", Seed);
        writer.WriteNumber("points", PointCount);
        if (Kind == DesignKind.Morris)
        {
            // Only for Morris designs, so that the other designs (and the sidecars that hold them) keep their bytes.
            writer.WriteNumber("levels", Levels);
        }

        writer.WriteStartArray("factors");
        foreach (var factor in _factors)
        {
            writer.WriteStartObject();
            writer.WriteString("path", factor.Path);
            writer.WriteNumber("lower", factor.Lower);
            writer.WriteNumber("upper", factor.Upper);
            writer.WriteNumber("levels", factor.Levels);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A one-line description: kind, points and factors as <c>--vary</c> text.</summary>
    /// <returns>Such as <c>grid, 77 points: states.CHN.perception.credulity=0:1:11, commitments.*.signal=0.3:0.9:7</c>.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        string head = Kind switch
        {
            DesignKind.Grid => string.Create(c, $"grid, {PointCount} points"),
            DesignKind.LatinHypercube => string.Create(c, $"lhs, {PointCount} points (seed {Seed})"),
            DesignKind.Morris => string.Create(c, $"morris, {Samples} trajectories over {Levels} levels, {PointCount} points (seed {Seed})"),
            _ => string.Create(c, $"sobol, {Samples} base samples, {PointCount} points"),
        };
        return head + ": " + string.Join(", ", _factors.Select(f => f.ToString()));
    }

    /// <inheritdoc/>
    public bool Equals(ExperimentDesign? other) =>
        other is not null && Kind == other.Kind && Samples == other.Samples && Seed == other.Seed && Levels == other.Levels && _factors.SequenceEqual(other._factors);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ExperimentDesign);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Samples, Seed, _factors.Length, _factors[0]);

    private static JsonElement Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw new KeyNotFoundException($"missing field '{name}'.");

    private static string TextField(JsonElement element, string name)
    {
        var value = Property(element, name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Wrong(name, "a string", value);
    }

    private static long IntegerField(JsonElement element, string name, long minimum, long maximum)
    {
        var value = Property(element, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long x) && x >= minimum && x <= maximum
            ? x
            : throw Wrong(name, maximum == int.MaxValue ? "an integer of at most 2147483647" : "an integer", value);
    }

    private static double NumberField(JsonElement element, string name)
    {
        var value = Property(element, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double x) && double.IsFinite(x) ? x : throw Wrong(name, "a finite number", value);
    }

    private static ArgumentException Wrong(string name, string expected, JsonElement found) =>
        new($"field '{name}': expected {expected}, found {Shown(found)}.");

    /// <summary>A JSON value as the user wrote it, shortened past 60 characters.</summary>
    private static string Shown(JsonElement value)
    {
        string text = value.GetRawText();
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    /// <summary>The moves of Morris trajectory <paramref name="trajectory"/> (Morris designs only): for each factor, the
    /// step at which it moves (0 to k − 1: between points step and step + 1 of the trajectory), its direction (+1 up by
    /// Δ, −1 down) and its lower grid level (0 to p/2 − 1; it takes that level and that level + p/2).</summary>
    internal void MorrisTrajectory(long trajectory, Span<int> step, Span<int> direction, Span<int> lower)
    {
        int k = _factors.Length;
        var random = new Engine.SplitMix64(Engine.SplitMix64.Mix(Engine.SplitMix64.Mix(Seed ^ MorrisDomain) ^ (ulong)trajectory));
        for (int i = 0; i < k; i++)
        {
            step[i] = i;
        }

        // Fisher-Yates: a uniform order of the factors' moves.
        for (int i = k - 1; i > 0; i--)
        {
            int j = Below(ref random, i + 1);
            (step[i], step[j]) = (step[j], step[i]);
        }

        for (int i = 0; i < k; i++)
        {
            lower[i] = Below(ref random, Levels / 2);
            direction[i] = (random.NextUInt64() >> 63) == 0 ? 1 : -1;
        }
    }

    /// <summary>A uniform integer in [0, n) (Lemire's multiply-high; its bias, below n/2^64, is negligible).</summary>
    private static int Below(ref Engine.SplitMix64 random, int n) => (int)Math.BigMul(random.NextUInt64(), (ulong)n, out _);

    private void MorrisPoint(long index, Span<double> values)
    {
        int k = _factors.Length;
        long trajectory = index / (k + 1);
        int j = (int)(index % (k + 1));
        int[]? rented = k > 128 ? System.Buffers.ArrayPool<int>.Shared.Rent(3 * k) : null;
        Span<int> buffer = rented is null ? stackalloc int[3 * k] : rented.AsSpan(0, 3 * k);
        var step = buffer[..k];
        var direction = buffer.Slice(k, k);
        var lower = buffer.Slice(2 * k, k);
        MorrisTrajectory(trajectory, step, direction, lower);
        for (int i = 0; i < k; i++)
        {
            bool moved = j > step[i];
            int level = moved == (direction[i] > 0) ? lower[i] + (Levels / 2) : lower[i];
            values[i] = GridValue(_factors[i], level, Levels);
        }

        if (rented is not null)
        {
            System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>Level <paramref name="level"/> of <paramref name="levels"/> on a continuous factor's range, as
    /// <see cref="Factor.Level"/> computes a grid's: exactly the upper end at the top level.</summary>
    private static double GridValue(Factor factor, int level, int levels)
    {
        if (level == levels - 1)
        {
            return factor.Upper;
        }

        double value = factor.Lower + ((factor.Upper - factor.Lower) * level / (levels - 1));
        return double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static double[][] Strata(int factors, int samples, ulong seed)
    {
        // One generator for the whole hypercube: per factor a permutation of the strata, then a position in each.
        var random = new Xoshiro256StarStar(unchecked((int)(seed ^ (seed >> 32))), threadSafe: false);
        var strata = new double[factors][];
        for (int i = 0; i < factors; i++)
        {
            int[] permutation = Combinatorics.GeneratePermutation(samples, random);
            strata[i] = new double[samples];
            for (int p = 0; p < samples; p++)
            {
                strata[i][p] = (permutation[p] + random.NextDouble()) / samples;
            }
        }

        return strata;
    }
}
