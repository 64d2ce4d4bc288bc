namespace DeterrenceSim.Calibration;

/// <summary>
/// The parameters calibrated against the historical record (docs/DESIGN.md section 10): what a scenario assumes and the
/// data can identify. Every historical crisis shares them.
/// </summary>
/// <param name="Noise">
/// σ, the optimism noise of both protagonists, logit scale (<c>states.*.perception.noise</c> in a scenario; Blainey
/// 1973). Range: σ ≥ 0.
/// </param>
/// <param name="Cost">
/// c, the cost of war to each protagonist as a fraction of the stakes (<c>challengerCost</c> and <c>defenderCost</c>;
/// Fearon 1995). Range: [0, 1].
/// </param>
/// <param name="Dissatisfaction">
/// d, how far the status quo falls short of the challenger's accurate expected share: q = clamp(p_acc − d, 0, 1)
/// (<c>statusQuo</c>). d &gt; 0: the challenger is dissatisfied and an accurate settlement is a concession; d ≤ 0: it
/// is deterred. Range: [−1, 1].
/// </param>
public readonly record struct PopulationParameters(double Noise, double Cost, double Dissatisfaction)
{
    /// <summary>The names under which a posterior reports the parameters, in order: <c>noise</c>, <c>cost</c>,
    /// <c>dissatisfaction</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["noise", "cost", "dissatisfaction"];

    /// <summary>The parameters from values in the order of <see cref="Names"/>.</summary>
    /// <param name="values">Three values.</param>
    /// <returns>The parameters.</returns>
    /// <exception cref="ArgumentException">Not three values.</exception>
    public static PopulationParameters FromValues(ReadOnlySpan<double> values) => values.Length == 3
        ? new(values[0], values[1], values[2])
        : throw new ArgumentException($"expected 3 values ({string.Join(", ", Names)}), found {values.Length}", nameof(values));

    internal void Validate()
    {
        if (!(Noise >= 0) || double.IsInfinity(Noise))
        {
            throw new ArgumentOutOfRangeException(nameof(Noise), Noise, "expected a finite noise >= 0");
        }

        if (!(Cost >= 0 && Cost <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Cost), Cost, "expected a cost in [0, 1]");
        }

        if (!(Dissatisfaction >= -1 && Dissatisfaction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Dissatisfaction), Dissatisfaction, "expected a dissatisfaction in [-1, 1]");
        }
    }
}
