namespace DeterrenceSim.Tests.Calibration;

/// <summary>A fact that runs only with <c>DETERRENCESIM_FULL_RECOVERY=1</c> (tools/recovery-check.sh) and is reported as
/// skipped otherwise: the full recovery check takes minutes, too long for every test run.</summary>
public sealed class FullRecoveryFactAttribute : FactAttribute
{
    /// <summary>The environment variable that enables the full check.</summary>
    public const string Variable = "DETERRENCESIM_FULL_RECOVERY";

    /// <summary>Initializes a new instance of the <see cref="FullRecoveryFactAttribute"/> class.</summary>
    public FullRecoveryFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"the full recovery check runs with {Variable}=1 (tools/recovery-check.sh)";
        }
    }
}
