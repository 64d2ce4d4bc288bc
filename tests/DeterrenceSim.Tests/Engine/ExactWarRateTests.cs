using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;

namespace DeterrenceSim.Tests.Engine;

/// <summary>
/// The war rate without Monte Carlo (issue 12's first oracle). With the Nash split, no supporter noise and no
/// preventive war, a round is a war when p̂_C − c_C &gt; p̂_D + c_D, with p̂_C = σ(L_C + σ_C x) and p̂_D = σ(L_D − σ_D y)
/// for independent standard normal shocks x and y (DESIGN.md section 3), so with c = c_C + c_D
/// P(war) = ∫ φ(x) (1 − Φ((L_D − logit(σ(L_C + σ_C x) − c)) / σ_D)) dx over the x where σ(L_C + σ_C x) &gt; c.
/// The integral is taken by adaptive Gauss–Kronrod quadrature from the scenario's own logits, noise and costs; the
/// engine must agree within 4 Monte Carlo standard errors.
/// </summary>
public sealed class ExactWarRateTests
{
    /// <summary>The integral at the embedded scenario's values, as issue 12 states them (computed independently of this
    /// code): the quadrature here must reproduce them, and they pin the scenario's values.</summary>
    [Theory]
    [InlineData("east-china-sea", 0.0180528)]
    [InlineData("korean-peninsula", 0.0125036)]
    [InlineData("baltic", 0.0168339)]
    public void Quadrature_AtTheEmbeddedValues_GivesTheIssuesNumbers(string crisisId, double published)
    {
        Assert.Equal(published, ExactWarRate(crisisId), 7);
    }

    [Theory]
    [InlineData("east-china-sea")]
    [InlineData("korean-peninsula")]
    [InlineData("baltic")]
    public void Engine_AgreesWithTheQuadrature_WithinFourStandardErrors(string crisisId)
    {
        const long rounds = 400_000;
        double exact = ExactWarRate(crisisId);
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded("indo-pacific-2023")));
        var result = monteCarlo.Run<NashSplit, LogisticPerception, NoPreventiveWar>(crisisId, new RoundOptions { Rounds = rounds, Seed = 12, Threads = 2 });
        double standardError = Math.Sqrt(exact * (1 - exact) / rounds);
        Assert.InRange(result[Measure.War].Estimate!.Value, exact - (4 * standardError), exact + (4 * standardError));
    }

    private static double ExactWarRate(string crisisId) =>
        ExactWarRate(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded("indo-pacific-2023")), crisisId);

    /// <summary>The integral for a crisis of any compiled scenario without supporter noise (the preventive test
    /// disabled: the engine must run with <see cref="NoPreventiveWar"/>, or in a scenario where it cannot fire).</summary>
    internal static double ExactWarRate(CompiledScenario compiled, string crisisId)
    {
        var crisis = compiled.GetCrisis(crisisId);
        var frame = new CrisisFrame(crisis, new WorldState(compiled));
        Assert.False(frame.Challenger.HasSupporterNoise || frame.Defender.HasSupporterNoise, "the oracle holds without supporter noise");
        double lc = frame.Challenger.ConstantLogit, sc = frame.Challenger.Noise;
        double ld = frame.Defender.ConstantLogit, sd = frame.Defender.Noise;
        double c = crisis.ChallengerCost + crisis.DefenderCost!.Value;

        // Below x0, σ(L_C + σ_C x) ≤ c and there is no war; x0 solves σ(L_C + σ_C x0) = c.
        double x0 = (Logit(c) - lc) / sc;
        double Integrand(double x)
        {
            double room = Logistic(lc + (sc * x)) - c;
            return room <= 0 ? 0 : Normal.PDF(0, 1, x) * (1 - Normal.CDF(0, 1, (ld - Logit(room)) / sd));
        }

        return GaussKronrodRule.Integrate(Integrand, Math.Max(x0, -12), 12, out _, out _, 1e-12, 15, 30);
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static double Logit(double p) => Math.Log(p / (1 - p));
}
