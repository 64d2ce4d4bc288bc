namespace DeterrenceSim.Outcomes;

/// <summary>
/// A mechanism of misperception (issue 12; DESIGN.md section 3, attribution by mechanism): one part of one
/// protagonist's perception. Switching a factor off sets its parameter, or its draws, to zero and keeps every other
/// draw of the round; <see cref="MechanismAttribution"/> reports, for each factor, the wars that would not have happened
/// without it (but-for) and its Shapley share of each war. The values run 0 to 7 in the order of the issue.
/// </summary>
public enum MechanismFactor
{
    /// <summary><c>challenger.ownCredulity</c>: the challenger reads its own supporters by their signals.</summary>
    ChallengerOwnCredulity,

    /// <summary><c>challenger.opponentCredulity</c>: the challenger's perception of the opposing coalition — it reads
    /// the opposing supporters by their signals, and overrates their reach, anticipates their commitment and reads an
    /// alliance as one bloc where <see cref="Model.PerceptionProfile.Reach"/>,
    /// <see cref="Model.PerceptionProfile.Anticipation"/> and <see cref="Model.PerceptionProfile.Cohesion"/> are set
    /// (all switched off together). Shifrinson's first mechanism: the challenger overrating the Western
    /// engagement.</summary>
    ChallengerOpponentCredulity,

    /// <summary><c>defender.ownCredulity</c>: the defender reads its own coalition by its signals (Shifrinson's second
    /// mechanism: the defender overrating its allies' engagement).</summary>
    DefenderOwnCredulity,

    /// <summary><c>defender.opponentCredulity</c>: the defender's perception of the challenger's coalition: its
    /// credulity towards the challenger's supporters, and its reach, anticipation and cohesion.</summary>
    DefenderOpponentCredulity,

    /// <summary><c>challenger.capabilityBias</c>: the challenger's bias b on the defender side's strength.</summary>
    ChallengerCapabilityBias,

    /// <summary><c>defender.capabilityBias</c>: the defender's bias b on the challenger side's strength.</summary>
    DefenderCapabilityBias,

    /// <summary><c>challenger.noise</c>: the challenger's optimism shock and supporter noise together.</summary>
    ChallengerNoise,

    /// <summary><c>defender.noise</c>: the defender's optimism shock and supporter noise together.</summary>
    DefenderNoise,
}

/// <summary>The names and words of <see cref="MechanismFactor"/>.</summary>
public static class MechanismFactors
{
    private static readonly string[] Names =
    [
        "challenger.ownCredulity", "challenger.opponentCredulity", "defender.ownCredulity", "defender.opponentCredulity",
        "challenger.capabilityBias", "defender.capabilityBias", "challenger.noise", "defender.noise",
    ];

    private static readonly string[] Descriptions =
    [
        "the challenger believes its own coalition's signals of engagement",
        "the challenger believes the opposing coalition's signals of engagement",
        "the defender believes its own coalition's signals of engagement",
        "the defender believes the challenger's coalition's signals of engagement",
        "the challenger misjudges the defender side's capabilities",
        "the defender misjudges the challenger side's capabilities",
        "the challenger's optimism and errors about supporters",
        "the defender's optimism and errors about supporters",
    ];

    /// <summary>Gets the eight factors in order.</summary>
    public static IReadOnlyList<MechanismFactor> All { get; } = Enum.GetValues<MechanismFactor>();

    /// <summary>The factor's name in the <c>run --format json</c> key <c>mechanisms</c>, the CSV and the sweep columns:
    /// the protagonist, a dot, and the perception parameter, such as <c>defender.ownCredulity</c>.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined factor.</exception>
    public static string Name(this MechanismFactor factor) => Names[Check(factor)];

    /// <summary>The factor in the words of the debate, for tables. Credulity reads supporters by their signals, so a
    /// credulous observer overrates a coalition whose signals exceed its reliabilities (as in the embedded scenario:
    /// Shifrinson's mechanisms) and underrates one whose signals fall short; the words say "believes the signals",
    /// which holds either way.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>A phrase, such as "the defender believes its own coalition's signals of engagement".</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined factor.</exception>
    public static string Description(this MechanismFactor factor) => Descriptions[Check(factor)];

    /// <summary>The factor in words for an observer with this perception: as <see cref="Description(MechanismFactor)"/>,
    /// except that an <c>*.opponentCredulity</c> factor whose observer has reach, anticipation or cohesion set (issue
    /// 13) is named as the whole perception of the opposing coalition it then holds, such as "the challenger's
    /// perception of the opposing coalition: its signals of engagement, reach, cohesion and coming commitment".</summary>
    /// <param name="factor">The factor.</param>
    /// <param name="observer">The perception of the factor's observer (the challenger's for a <c>challenger.*</c> factor).</param>
    /// <returns>A phrase.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined factor.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="observer"/> is <see langword="null"/>.</exception>
    public static string Description(this MechanismFactor factor, Model.PerceptionProfile observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return factor switch
        {
            MechanismFactor.ChallengerOpponentCredulity when !observer.SeesOpposingCoalitionAsIs =>
                "the challenger's perception of the opposing coalition: its signals of engagement, reach, cohesion and coming commitment",
            MechanismFactor.DefenderOpponentCredulity when !observer.SeesOpposingCoalitionAsIs =>
                "the defender's perception of the challenger's coalition: its signals of engagement, reach, cohesion and coming commitment",
            _ => factor.Description(),
        };
    }

    /// <summary>The factor with a name.</summary>
    /// <param name="name">The name, such as <c>defender.ownCredulity</c> (case-sensitive).</param>
    /// <param name="factor">The factor.</param>
    /// <returns>Whether a factor has that name.</returns>
    public static bool TryParse(string? name, out MechanismFactor factor)
    {
        int i = Array.IndexOf(Names, name);
        factor = (MechanismFactor)Math.Max(i, 0);
        return i >= 0;
    }

    private static int Check(MechanismFactor factor) => (int)factor is >= 0 and < 8
        ? (int)factor
        : throw new ArgumentOutOfRangeException(nameof(factor), factor, "expected a mechanism factor among " + string.Join(", ", Names) + ".");
}
