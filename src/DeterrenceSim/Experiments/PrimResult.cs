namespace DeterrenceSim.Experiments;

/// <summary>The result of <see cref="Prim.Run"/>: the peeling trajectory, the chosen step, and that step's box after
/// pasting with its restrictions and quasi-p-values.</summary>
public sealed class PrimResult
{
    internal PrimResult(IReadOnlyList<string> inputNames, IReadOnlyList<PrimBox> trajectory, int chosenStep, PrimBox box, IReadOnlyList<PrimRestriction> restrictions)
    {
        InputNames = inputNames;
        Trajectory = trajectory;
        ChosenStep = chosenStep;
        Box = box;
        Restrictions = restrictions;
    }

    /// <summary>Gets the inputs' names, in column order.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>Gets the peeling trajectory: step 0 is the box of all the data, each later step one peel smaller. Coverage
    /// and mass never grow along it.</summary>
    public IReadOnlyList<PrimBox> Trajectory { get; }

    /// <summary>Gets the index in <see cref="Trajectory"/> of the step that was pasted (see <see cref="PrimOptions.Step"/>
    /// and <see cref="PrimOptions.MinimumDensity"/>).</summary>
    public int ChosenStep { get; }

    /// <summary>Gets the chosen step's box after pasting; it contains the chosen step's box.</summary>
    public PrimBox Box { get; }

    /// <summary>Gets the restricted inputs of <see cref="Box"/>, in column order, with their quasi-p-values.</summary>
    public IReadOnlyList<PrimRestriction> Restrictions { get; }
}
