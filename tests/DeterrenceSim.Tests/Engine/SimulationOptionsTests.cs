using DeterrenceSim.Engine;
using DeterrenceSim.Experiments;

namespace DeterrenceSim.Tests.Engine;

public class SimulationOptionsTests
{
    public static TheoryData<SimulationOptions, string> OutOfRange => new()
    {
        { new RoundOptions { Rounds = 0 }, "Rounds" },
        { new RoundOptions { Rounds = RoundOptions.MaxRounds + 1 }, "Rounds" },
        { new RoundOptions { Threads = 0 }, "Threads" },
        { new RoundOptions { Replication = -1 }, "Replication" },
        { new RunOptions { Periods = 0 }, "Periods" },
        { new RunOptions { Replications = 0 }, "Replications" },
        { new RunOptions { Threads = 0 }, "Threads" },
        { new RunOptions { FirstReplication = -1 }, "FirstReplication" },
        { new SweepOptions { Rounds = 0 }, "Rounds" },
        { new SweepOptions { Replications = 0 }, "Replications" },
        { new SweepOptions { Threads = -3 }, "Threads" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Validate_OptionOutOfRange_NamesTheField(SimulationOptions options, string field)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(field, e.ParamName);
        Assert.StartsWith(field + " must be", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_SeedAndThreadsAreSharedByEveryKind()
    {
        SimulationOptions[] kinds = [new RoundOptions(), new RunOptions(), new SweepOptions()];
        Assert.All(kinds, o => Assert.Equal(1UL, o.Seed));
        Assert.All(kinds, o => Assert.Equal(Environment.ProcessorCount, o.Threads));
        Assert.All(kinds, o => o.Validate());
    }
}
