using System.Runtime.CompilerServices;

namespace DeterrenceSim.Engine;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA; reference code by
/// S. Vigna, https://prng.di.unimi.it/splitmix64.c). A 64-bit counter advanced by the golden gamma and passed through
/// a bijective finaliser; it passes BigCrush. Used here as a counter-based generator: every round's streams start
/// from a key hashed from (seed, replication, crisis, round, purpose), or for a run's optimism shocks at word 2r of the
/// crisis's own stream (<see cref="RandomStreams.ShockStream"/>), so draws never depend on threads or on what other
/// rounds drew.
/// </summary>
public struct SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const double DoubleUnit = 1.0 / (1UL << 53);
    private ulong _state;

    /// <summary>Initializes a new instance of the <see cref="SplitMix64"/> struct.</summary>
    /// <param name="seed">The initial state; any value.</param>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>Gets or sets the state: the next word is <see cref="Mix"/>(state), and each word moves it on by γ (so
    /// word k of a stream from state s is Mix(s + k γ), which four lanes can draw at once).</summary>
    internal ulong State
    {
        readonly get => _state;
        set => _state = value;
    }

    /// <summary>The SplitMix64 finaliser of (x + γ): a bijection of 64-bit words.</summary>
    /// <param name="x">The word.</param>
    /// <returns>The mixed word.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        ulong z = x + Gamma;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    /// <returns>A uniform 64-bit word.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong z = Mix(_state);
        _state += Gamma;
        return z;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    /// <returns>The variate.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * DoubleUnit;

    /// <summary>
    /// Two independent standard normal variates by the Box-Muller transform (Box &amp; Muller 1958) from the next two
    /// words: the radius √(−2 ln u) from 52 bits of the first (u in (0, 1], so |z| ≤ 8.5), the angle from the second
    /// (its top two bits pick the quadrant, 52 further bits the angle within it). The engine draws its optimism shocks
    /// and supporter noise this way, four lanes at a time, with the same bits.
    /// </summary>
    /// <param name="first">The first variate, r cos θ.</param>
    /// <param name="second">The second variate, r sin θ.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void NextNormalPair(out double first, out double second)
    {
        ulong radius = NextUInt64();
        ulong angle = NextUInt64();
        VectorMath.NormalPair(radius, angle, out first, out second);
    }
}
