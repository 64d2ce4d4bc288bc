namespace DeterrenceSim.Calibration;

/// <summary>Why <see cref="AbcSmc.Run"/> stopped.</summary>
public enum AbcSmcStopReason
{
    /// <summary>It ran <see cref="AbcSmcOptions.MaxGenerations"/> generations.</summary>
    MaxGenerations,

    /// <summary>The last generation's tolerance reached <see cref="AbcSmcOptions.MinEpsilon"/>.</summary>
    MinEpsilon,

    /// <summary>The next generation needed more than N / <see cref="AbcSmcOptions.MinAcceptanceRate"/> proposals for
    /// N particles; it was abandoned and the result holds the last complete generation.</summary>
    MinAcceptanceRate,
}
