using System.Runtime.CompilerServices;

namespace DeterrenceSim.Engine;

/// <summary>
/// The built-in perception (DESIGN.md section 3): p̂ = logistic(L + σ η), a common optimism shock on the logit of the
/// contest success function (Blainey 1973's mutual optimism; Tullock 1980's ratio form, whose logit is
/// m ln(Ŝ(C) / Ŝ(D))).
/// </summary>
public readonly struct LogisticPerception : IPerceptionModel
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Belief(double logit, double noise, double shock) => CrisisFrame.Logistic(logit + (noise * shock));

    /// <summary>Two logistics <paramref name="gap"/> apart differ by at most tanh(gap / 4), at L = gap / 2.</summary>
    /// <param name="gap">The fall of the logit. Range: gap &gt; 0.</param>
    /// <returns>tanh(gap / 4).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LargestDecline(double gap) => Math.Tanh(gap / 4);
}
