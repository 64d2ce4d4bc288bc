using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeterrenceSim.Cli;
using Json.Schema;

namespace DeterrenceSim.Tests.Cli;

/// <summary>The <c>discover</c> command (issue 15, item 2): PRIM through the command line on a synthetic CSV with a planted
/// box, on real sweep files (CSV and Parquet, inputs from the sidecar), its JSON against docs/discover.schema.json, its
/// CSV layout, its plot, and a clear one-line error for each bad input.</summary>
public sealed class DiscoverCliTests : IDisposable
{
    private const string SchemaFile = "docs/discover.schema.json";
    private const string Chn = "states.CHN.perception.credulity";
    private const string Jpn = "states.JPN.perception.credulity";

    private readonly string _folder = Directory.CreateTempSubdirectory("discover-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The issue's check, through the CLI: N = 2,000 rows of 4 U(0, 1) inputs, of interest with probability 0.9
    /// inside x0 in [0.2, 0.6], x1 &gt; 0.7 and 0.05 elsewhere (the data of PrimTests, same seed). The tolerance, 0.05, is
    /// PrimTests' (two to three 5% peels or pastes near the box's edges, about 0.02 each); x2 and x3 stay unrestricted.</summary>
    [Fact]
    public async Task Discover_PlantedBoxCsv_RecoversTheLimitsAndLeavesNoiseInputsUnrestricted()
    {
        string file = PlantedCsv("planted.csv", 20261206);
        var (code, stdout, stderr) = await Cli("discover", file, "--where", "interest == 1", "--inputs", "x0, x1,x2,x3", "--min-density", "0.8", "--format", "json");
        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        var limits = json["box"]!["limits"]!.AsObject();
        Assert.Equal(["x0", "x1"], limits.Select(p => p.Key));
        const double tolerance = 0.05;
        Assert.Equal(0.2, (double)limits["x0"]!["lower"]!, tolerance);
        Assert.Equal(0.6, (double)limits["x0"]!["upper"]!, tolerance);
        Assert.Equal(0.7, (double)limits["x1"]!["lower"]!, tolerance);
        Assert.Equal(1.0, (double)limits["x1"]!["upper"]!, 0.01); // x1 > 0.7 has no upper limit: the data's maximum
        Assert.Null(limits["x1"]!["qpUpper"]);
        Assert.Equal((double)limits["x1"]!["dataMax"]!, (double)limits["x1"]!["upper"]!);
        Assert.All(limits, l => Assert.True((double)l.Value!["qp"]! < 1e-10, $"{l.Key}: qp {l.Value!["qp"]}"));
        Assert.True((double)json["box"]!["density"]! >= 0.8);
        Assert.Equal(2000, (int)json["rows"]!);
    }

    [Theory]
    [InlineData("--min-density", "0,1")]
    [InlineData("--peel", "0,1")]
    [InlineData("--min-mass", "1e400")]
    public async Task Discover_NumberOptions_AreInvariantCultureWithoutGroupSeparators(string option, string value)
    {
        string file = PlantedCsv("comma.csv", 7);
        var (code, stdout, stderr) = await Cli("discover", file, "--where", "interest>0.5", "--inputs", "x0,x1,x2,x3", option, value);
        Assert.NotEqual(0, code);
        Assert.Equal("", stdout);
        Assert.Contains($"{option}: expected a finite number in the invariant culture", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discover_WhereOnAColumnWithoutNumbers_SaysSo()
    {
        string sweep = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(PlantedCsv("unused2.csv", 1))!, "noerrors.csv");
        Assert.Equal(0, (await Cli("sweep", "--vary", "states.CHN.perception.credulity=0:1:12", "-r", "1", "-n", "200", "-o", sweep)).Code);
        var (code, _, stderr) = await Cli("discover", sweep, "--where", "error==0");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("--where: the column 'error' holds no number", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discover_ASweepFileWithAnEditedRate_IsRefused()
    {
        string sweep = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(PlantedCsv("unused.csv", 1))!, "edited.csv");
        Assert.Equal(0, (await Cli("sweep", "--vary", "states.CHN.perception.credulity=0:1:5", "-r", "1", "-n", "500", "-o", sweep)).Code);
        var lines = File.ReadAllLines(sweep);
        int column = Array.IndexOf(lines[0].Split(','), "war");
        var fields = lines[2].Split(',');
        fields[column] = "0.5";
        lines[2] = string.Join(',', fields);
        File.WriteAllText(sweep, string.Join('\n', lines) + "\n");
        var (code, _, stderr) = await Cli("discover", sweep, "--where", "war>0.01");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("line 3", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discover_ByDefault_ChoosesTheFirstStepOfDensityAtLeastEightTenths_OrADenserOneOfItsCoverage()
    {
        string file = PlantedCsv("default.csv", 7);
        var (code, stdout, stderr) = await Cli("discover", file, "--where", "interest>0.5", "--inputs", "x0,x1,x2,x3", "--format", "json");
        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal(0.8, (double)json["options"]!["minDensity"]!);
        int chosen = (int)json["chosenStep"]!;
        var trajectory = json["trajectory"]!.AsArray();
        int first = Enumerable.Range(0, trajectory.Count).First(s => (double)trajectory[s]!["density"]! >= 0.8);
        Assert.True(chosen >= first);
        Assert.Equal((double)trajectory[first]!["coverage"]!, (double)trajectory[chosen]!["coverage"]!);
    }

    [Fact]
    public async Task Discover_Json_FollowsTheSchemaInDocsWithTheDocumentedKeys()
    {
        string file = PlantedCsv("planted.csv", 7);
        var (code, stdout, stderr) = await Cli("discover", file, "--where", "interest>0.5", "--inputs", "x0,x1,x2,x3", "--box", "20", "--format", "json");
        Assert.True(code == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var schema = JsonSchema.FromText(DiscoverSchema.Json, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, string.Join("; ", results.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));

        var json = JsonNode.Parse(stdout)!;
        Assert.Equal(20, (int)json["chosenStep"]!);
        var trajectory = json["trajectory"]!.AsArray();
        Assert.InRange(trajectory.Count, 21, 100);
        foreach (var step in trajectory)
        {
            foreach (string key in (string[])["coverage", "density", "mass", "restricted"])
            {
                Assert.NotNull(step![key]);
            }
        }

        Assert.Equal(1.0, (double)trajectory[0]!["coverage"]!);
        Assert.Equal(0, (int)trajectory[0]!["restricted"]!);
        foreach (var (_, limit) in json["box"]!["limits"]!.AsObject())
        {
            Assert.True((double)limit!["lower"]! <= (double)limit["upper"]!);
            Assert.InRange((double)limit["qp"]!, 0, 1);
        }

        Assert.Equal(["x0", "x1", "x2", "x3"], json["inputs"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("interest>0.5", (string)json["where"]!);
    }

    /// <summary>docs/discover.schema.json is <see cref="DiscoverSchema.Json"/>; with <c>DETERRENCESIM_UPDATE_SCHEMA=1</c>
    /// this test rewrites it first (as the scenario schema's test does).</summary>
    [Fact]
    public void DiscoverSchema_Json_IsTheFileInDocs()
    {
        if (Environment.GetEnvironmentVariable("DETERRENCESIM_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(Repository(SchemaFile), DiscoverSchema.Json);
        }

        Assert.True(
            File.ReadAllText(Repository(SchemaFile)) == DiscoverSchema.Json,
            $"{SchemaFile} is not DiscoverSchema.Json: run DETERRENCESIM_UPDATE_SCHEMA=1 dotnet test --filter DiscoverSchema_Json_IsTheFileInDocs and review the diff");
        using var document = JsonDocument.Parse(DiscoverSchema.Json);
        var metaSchema = SchemaRegistry.Global.Get(new Uri("https://json-schema.org/draft/2020-12/schema"));
        Assert.True(Assert.IsType<JsonSchema>(metaSchema).Evaluate(document.RootElement).IsValid, $"{SchemaFile} does not follow the draft 2020-12 meta-schema");
    }

    [Fact]
    public async Task Discover_SweepFileWithSidecar_TakesTheFactorsAsInputsInCsvAndParquetAlike()
    {
        string[] sweep = ["sweep", "--vary", Chn + "=0:1:5", "--vary", Jpn + "=0:1:5", "-r", "1", "-n", "200"];
        var (code, _, stderr) = await Cli([.. sweep, "-o", PathOf("g.csv")]);
        Assert.True(code == 0, stderr);
        (code, _, stderr) = await Cli([.. sweep, "-o", PathOf("g.parquet")]);
        Assert.True(code == 0, stderr);

        // A threshold that splits the rows: the median war rate.
        var war = File.ReadAllLines(PathOf("g.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[Array.IndexOf(File.ReadLines(PathOf("g.csv")).First().Split(','), "war")], CultureInfo.InvariantCulture)).Order().ToList();
        string where = "war>" + war[war.Count / 2].ToString("R", CultureInfo.InvariantCulture);
        Assert.InRange(war.Count(w => w > war[war.Count / 2]), 1, war.Count - 1);

        (code, string fromCsv, stderr) = await Cli("discover", PathOf("g.csv"), "--where", where, "--format", "json");
        Assert.True(code == 0, stderr);
        (code, string fromParquet, stderr) = await Cli("discover", PathOf("g.parquet"), "--where", where, "--format", "json");
        Assert.True(code == 0, stderr);

        var json = JsonNode.Parse(fromCsv)!;
        Assert.Equal([Chn, Jpn], json["inputs"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(25, (int)json["rows"]!);
        Assert.Equal(fromCsv.Replace("g.csv", "g.parquet", StringComparison.Ordinal), fromParquet);
    }

    [Fact]
    public async Task Discover_FailedAndEmptyRows_AreLeftOutWithAWarning()
    {
        // RFC 4180: a quoted header name with a doubled quote, a quoted error message with a comma and a line break.
        var text = new StringBuilder("\"a \"\"one\"\"\",b,y,error\n");
        var random = new Random(3);
        for (int i = 0; i < 40; i++)
        {
            double a = random.NextDouble(), b = random.NextDouble();
            string y = i % 10 == 9 ? "" : (a > 0.5 ? "1" : "0");
            string error = i % 13 == 12 ? "\"failed, see\nthe log\"" : "";
            text.Append(CultureInfo.InvariantCulture, $"{a:R},{b:R},{y},{error}\n");
        }

        File.WriteAllText(PathOf("rows.csv"), text.ToString());
        var (code, stdout, stderr) = await Cli("discover", PathOf("rows.csv"), "--where", "y>=1", "--inputs", "a \"one\",b", "--format", "json");
        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!;

        // Rows 12, 25, 38 failed; rows 9, 19, 29, 39 have no y (none of them failed).
        Assert.Equal(3, (int)json["rowsExcluded"]!["failed"]!);
        Assert.Equal(4, (int)json["rowsExcluded"]!["missing"]!);
        Assert.Equal(33, (int)json["rows"]!);
        Assert.Contains("warning: 7 of 40 rows left out: 3 of points that could not run (non-empty 'error'; the first, row 13 (line 14): failed, see the log) and 4 with no value of 'y' (empty or NaN).", stderr, StringComparison.Ordinal);
        Assert.Equal(["a \"one\"", "b"], json["inputs"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task Discover_CsvFormat_IsTrajectoryThenBoxThenLimitRecords()
    {
        string file = PlantedCsv("planted.csv", 20261206);
        var (code, stdout, stderr) = await Cli("discover", file, "--where", "interest==1", "--inputs", "x0,x1,x2,x3", "--min-density", "0.8", "--format", "csv");
        Assert.True(code == 0, stderr);
        string[] lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("record,step,coverage,density,mass,restricted,cases,casesOfInterest,input,lower,upper,qp,qpLower,qpUpper,dataMin,dataMax", lines[0]);
        string[] records = [.. lines.Skip(1).Select(l => l.Split(',')[0])];
        int steps = records.Count(r => r == "trajectory");
        Assert.Equal([.. Enumerable.Repeat("trajectory", steps), "box", "limit", "limit"], records);
        Assert.All(lines.Skip(1), l => Assert.Equal(16, l.Split(',').Length));
        Assert.Equal("0", lines[1].Split(',')[1]);
        Assert.Equal(["x0", "x1"], lines.Skip(1 + steps + 1).Select(l => l.Split(',')[8]));
    }

    [Fact]
    public async Task Discover_Plot_WritesAPngAndNoTemporaryFile()
    {
        string file = PlantedCsv("planted.csv", 20261206);
        var (code, _, stderr) = await Cli("discover", file, "--where", "interest==1", "--inputs", "x0,x1,x2,x3", "--min-density", "0.8", "--plot", PathOf("prim.png"));
        Assert.True(code == 0, stderr);
        byte[] png = File.ReadAllBytes(PathOf("prim.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal(["planted.csv", "prim.png"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // An existing plot is replaced only with --force.
        (code, _, stderr) = await Cli("discover", file, "--where", "interest==1", "--inputs", "x0,x1,x2,x3", "--plot", PathOf("prim.png"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("--force", stderr, StringComparison.Ordinal);
    }

    /// <summary>Each bad input: exit code 2, nothing on standard output, one error line naming the problem.</summary>
    [Theory]
    [InlineData("unknown --where column", "--where|intrest>0|--inputs|x0,x1", "--where: planted.csv has no column 'intrest'; did you mean 'interest'?")]
    [InlineData("unknown input", "--where|interest>0|--inputs|x0,x9", "--inputs: planted.csv has no column 'x9'; did you mean")]
    [InlineData("selects nothing", "--where|interest>1|--inputs|x0,x1", "--where: 'interest>1' selects no row (0 of 2000); PRIM needs cases of interest and others.")]
    [InlineData("selects everything", "--where|x3>=0|--inputs|x0,x1", "--where: 'x3>=0' selects every row (2000 of 2000); PRIM needs cases of interest and others.")]
    [InlineData("not an expression", "--where|interest=1|--inputs|x0", "--where: expected COLUMN OP NUMBER")]
    [InlineData("not a number", "--where|interest>one|--inputs|x0", "--where: expected a finite number after '>'")]
    [InlineData("non-numeric input", "--where|interest>0|--inputs|x0,label", "--inputs: the column 'label' is not numeric: row 1 (line 2) holds 'row0'")]
    [InlineData("where column as input", "--where|interest>0|--inputs|x0,interest", "--inputs: 'interest' is the --where column")]
    [InlineData("no sidecar", "--where|interest>0", "--inputs: there is no sidecar")]
    [InlineData("peel too large", "--where|interest>0|--inputs|x0|--peel|0.5", "--peel: expected a fraction greater than 0 and less than 0.5, found 0.5.")]
    [InlineData("paste zero", "--where|interest>0|--inputs|x0|--paste|0", "--paste: expected a fraction greater than 0 and less than 0.5, found 0.")]
    [InlineData("mass one", "--where|interest>0|--inputs|x0|--min-mass|1", "--min-mass: expected a share greater than 0 and less than 1, found 1.")]
    [InlineData("box past the end", "--where|interest>0|--inputs|x0|--box|999", "--box: expected a step of the trajectory, 0 to ")]
    [InlineData("box and density", "--where|interest>0|--inputs|x0|--box|1|--min-density|0.5", "--box and --min-density both choose the step")]
    [InlineData("plot not png", "--where|interest>0|--inputs|x0|--plot|out.svg", "--plot: expected a .png file, found 'out.svg'.")]
    public async Task Discover_BadInput_ExitsInvalidInputWithOneLineNamingIt(string what, string arguments, string message)
    {
        string file = PlantedCsv("planted.csv", 1);
        var (code, stdout, stderr) = await Cli(["discover", file, .. arguments.Split('|')]);
        Assert.True(code == CliApp.InvalidInput, $"{what}: exit {code}: {stderr}");
        Assert.Equal("", stdout);
        string line = Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("deterrence-sim: error: ", line, StringComparison.Ordinal);
        Assert.Contains(message.Replace("planted.csv", file, StringComparison.Ordinal), line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discover_FewRows_IsAnErrorSayingHowMany()
    {
        File.WriteAllText(PathOf("few.csv"), "x,y\n0,0\n1,1\n2,0\n3,1\n");
        var (code, _, stderr) = await Cli("discover", PathOf("few.csv"), "--where", "y>0", "--inputs", "x");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("4 rows to use (of 4); PRIM needs at least 10.", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("war_difference>0", "war_difference", ">", 0.0)]
    [InlineData("  war >= 0.05 ", "war", ">=", 0.05)]
    [InlineData("butFor.challenger.ownCredulity<=1e-3", "butFor.challenger.ownCredulity", "<=", 0.001)]
    [InlineData("x != -2.5", "x", "!=", -2.5)]
    public void DiscoverCondition_TryParse_ReadsColumnOperatorAndNumber(string text, string column, string op, double threshold)
    {
        Assert.True(DiscoverCondition.TryParse(text, out var condition, out string? problem), problem);
        Assert.Equal(new DiscoverCondition(column, op, threshold), condition);
    }

    /// <summary>The planted-box data of PrimTests as a CSV with the columns x0..x3, interest (0 or 1) and a text column.</summary>
    private string PlantedCsv(string name, int seed)
    {
        const int n = 2000;
        var random = new Random(seed);
        var text = new StringBuilder("x0,x1,x2,x3,interest,label\n");
        for (int i = 0; i < n; i++)
        {
            double[] x = [random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble()];
            bool planted = x[0] is >= 0.2 and <= 0.6 && x[1] > 0.7;
            bool interest = random.NextDouble() < (planted ? 0.9 : 0.05);
            text.Append(CultureInfo.InvariantCulture, $"{x[0]:R},{x[1]:R},{x[2]:R},{x[3]:R},{(interest ? 1 : 0)},row{i}\n");
        }

        string path = PathOf(name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Repository(string relative)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DeterrenceSim.sln")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        return Path.Combine(folder.FullName, relative);
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static Task<(int Code, string Stdout, string Stderr)> Cli(params string[] args) => CliRunner.Run(args);
}
