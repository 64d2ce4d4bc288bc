using System.CommandLine;
using System.Globalization;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using Spectre.Console;

namespace DeterrenceSim.Cli;

/// <summary>The <c>discover</c> command (issue 15, item 2): scenario discovery with PRIM (Friedman &amp; Fisher, 1999;
/// Bryant &amp; Lempert, 2010) on a sweep or contrast file, or any CSV: which ranges of the inputs hold the cases where a
/// column passes a threshold.</summary>
internal static class DiscoverCommand
{
    /// <summary>The fewest rows PRIM is run on (after the rows left out).</summary>
    public const int MinimumRows = 10;

    /// <summary>The column of a sweep file that holds why a point could not run; a row with it is left out.</summary>
    public const string ErrorColumn = "error";

    /// <summary>The density threshold that chooses the step when neither --box nor --min-density is given: EMA
    /// Workbench's default <c>threshold</c> (Kwakkel 2017). PRIM's own last step is the smallest box, rarely the one to
    /// read.</summary>
    internal const double DefaultMinimumDensity = 0.8;

    /// <summary>Parses a number option in the invariant culture with no group separators: "0,1" is an error, not 1.</summary>
    private static double InvariantNumber(System.CommandLine.Parsing.ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
        {
            return value;
        }

        result.AddError($"{(result.Parent as System.CommandLine.Parsing.OptionResult)?.Option.Name ?? "option"}: expected a finite number in the invariant culture (a decimal point, no group separators), found '{text}'.");
        return 0;
    }

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "A sweep or contrast file (.csv or .parquet; its inputs are the factors of its sidecar FILE.sweep.json), or any CSV with --inputs." };
        var where = new Option<string>("--where") { Description = "The cases of interest: COLUMN OP NUMBER with OP one of > >= < <= == != (e.g. 'war>=0.05', 'war_difference>0'); COLUMN is any numeric column of the file.", Required = true };
        var inputs = new Option<string?>("--inputs") { Description = "The input columns, comma-separated (default: the factors of the sweep's sidecar; required without one)." };
        var peel = new Option<double>("--peel") { CustomParser = InvariantNumber, Description = "Peeling fraction α: each step removes this share of the box's cases at one end of one input (0 < α < 0.5).", DefaultValueFactory = _ => 0.05 };
        var paste = new Option<double>("--paste") { CustomParser = InvariantNumber, Description = "Pasting fraction α: each paste widens one limit by this share of the cases beside it (0 < α < 0.5).", DefaultValueFactory = _ => 0.05 };
        var minMass = new Option<double>("--min-mass") { CustomParser = InvariantNumber, Description = "Peeling stops before the box would hold less than this share of the rows (0 < mass < 1).", DefaultValueFactory = _ => 0.05 };
        var minDensity = new Option<double?>("--min-density") { CustomParser = r => InvariantNumber(r), Description = "Choose the first step whose density is at least this (0 < density <= 1); cannot be combined with --box. Default: 0.8 (EMA Workbench's threshold) unless --box is given; when no step reaches it, the densest step." };
        var box = new Option<int?>("--box") { Description = "Choose step K of the peeling trajectory (0 is all the data) instead of the density threshold's choice (--min-density)." };
        var format = CommonOptions.CreateFormat();
        var plot = new Option<string?>("--plot") { Description = "Also write a PNG: the coverage-density trade-off of the trajectory, and the chosen box's limits on each input's range." };
        var force = new Option<bool>("--force") { Description = "Replace an existing --plot file." };
        var command = new Command("discover", "Scenario discovery with PRIM (Friedman & Fisher 1999; Bryant & Lempert 2010): find the box of input ranges that holds most cases of a --where condition (coverage) with few others (density); prints the peeling trajectory and the chosen box's limits with their quasi-p-values.")
        {
            file, where, inputs, peel, paste, minMass, minDensity, box, format, plot, force,
        };
        command.SetAction(parse =>
        {
            var options = new PrimOptions
            {
                PeelAlpha = parse.GetValue(peel),
                PasteAlpha = parse.GetValue(paste),
                MinimumMass = parse.GetValue(minMass),
                MinimumDensity = parse.GetValue(minDensity) ?? (parse.GetValue(box) is null ? DefaultMinimumDensity : null),
                Step = parse.GetValue(box),
            };
            string? problem = OptionProblem(options);
            string? plotPath = parse.GetValue(plot);
            problem ??= plotPath is null ? null : PlotProblem(plotPath, parse.GetValue(force));
            if (problem is not null)
            {
                return CliApp.Fail(stderr, problem, CliApp.InvalidInput);
            }

            int code = Prepare(parse.GetValue(file)!, parse.GetValue(where)!, parse.GetValue(inputs), options, stderr, out var report);
            if (report is null)
            {
                return code;
            }

            if (plotPath is not null)
            {
                string temporary = plotPath + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".png";
                try
                {
                    DiscoverPlot.Save(report, temporary);
                    File.Move(temporary, plotPath, overwrite: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return CliApp.Fail(stderr, $"--plot: could not write {plotPath}: {e.Message.Replace(temporary, plotPath, StringComparison.Ordinal)}", CliApp.OutputFailed);
                }
                finally
                {
                    File.Delete(temporary);
                }

                stderr.WriteLine($"deterrence-sim: wrote {plotPath}.");
            }

            switch (parse.GetValue(format))
            {
                case "json":
                    stdout.Write(report.ToJson());
                    break;
                case "csv":
                    stdout.Write(report.ToCsv());
                    break;
                default:
                    Table(CliApp.Console(stdout), report);
                    break;
            }

            return 0;
        });
        return command;
    }

    /// <summary>Why the PRIM options are refused, or null; the message names the option and its range.</summary>
    internal static string? OptionProblem(PrimOptions options) => options switch
    {
        { PeelAlpha: var a } when !(a > 0 && a < 0.5) => $"--peel: expected a fraction greater than 0 and less than 0.5, found {Show(a)}.",
        { PasteAlpha: var a } when !(a > 0 && a < 0.5) => $"--paste: expected a fraction greater than 0 and less than 0.5, found {Show(a)}.",
        { MinimumMass: var m } when !(m > 0 && m < 1) => $"--min-mass: expected a share greater than 0 and less than 1, found {Show(m)}.",
        { MinimumDensity: { } d } when !(d > 0 && d <= 1) => $"--min-density: expected a density greater than 0 and at most 1, found {Show(d)}.",
        { Step: < 0 } => $"--box: expected a step of the trajectory, 0 or more, found {options.Step}.",
        { Step: not null, MinimumDensity: not null } => "--box and --min-density both choose the step: give one.",
        _ => null,
    };

    /// <summary>Why a --plot path is refused before any work, or null.</summary>
    private static string? PlotProblem(string path, bool force)
    {
        if (!path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            return $"--plot: expected a .png file, found '{path}'.";
        }

        if (File.Exists(path) && !force)
        {
            return $"--plot: {path} exists; pass --force to replace it.";
        }

        if (OutputPaths.MissingFolder(path) is { } missing)
        {
            return $"--plot: {missing}.";
        }

        return OutputPaths.Problem(path, [path + ".tmp-" + int.MaxValue.ToString(CultureInfo.InvariantCulture) + ".png"]) is { } tooLong ? "--plot: " + tooLong : null;
    }

    /// <summary>Reads the file, selects the rows and inputs, and runs PRIM: everything but the output.</summary>
    /// <param name="path">The file.</param>
    /// <param name="whereText">The --where expression.</param>
    /// <param name="inputsText">The --inputs list, or null for the sidecar's factors.</param>
    /// <param name="options">The PRIM options, already checked.</param>
    /// <param name="stderr">Standard error, for warnings and errors.</param>
    /// <param name="report">Receives the report, or null on an error.</param>
    /// <returns>0, or the exit code of an error already written to <paramref name="stderr"/>.</returns>
    internal static int Prepare(string path, string whereText, string? inputsText, PrimOptions options, TextWriter stderr, out DiscoverReport? report)
    {
        report = null;
        if (!DiscoverCondition.TryParse(whereText, out var condition, out string? problem))
        {
            return CliApp.Fail(stderr, "--where: " + problem, CliApp.InvalidInput);
        }

        ColumnFile data;
        try
        {
            data = ColumnFile.Read(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or UnauthorizedAccessException or IOException)
        {
            return CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
        }

        // A sweep's or contrast's file (it has a sidecar) is read once as such too: every rate, interval and difference
        // must be its counts', as for plot, merge and sensitivity --from; an edited number is refused, naming its line.
        if (File.Exists(path + SweepFile.SidecarSuffix) && SweepDescription.Read(path, out _) is { } sweepFile)
        {
            try
            {
                foreach (var unused in SweepRowReader.Read(path, out _, sweepFile.Periods ?? sweepFile.Rounds))
                {
                }
            }
            catch (Exception e) when (e is InvalidDataException or SweepFileException or IOException)
            {
                return CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
            }
        }

        int target = data.IndexOf(condition!.Column);
        if (target < 0)
        {
            return CliApp.Fail(stderr, $"--where: {path} has no column '{condition.Column}'; {Suggest(data.Names, condition.Column)}", CliApp.InvalidInput);
        }

        string[] names;
        if (inputsText is not null)
        {
            names = inputsText.Split(',', StringSplitOptions.TrimEntries);
            if (names.Any(n => n.Length == 0))
            {
                return CliApp.Fail(stderr, $"--inputs: expected column names separated by single commas, found an empty name in '{inputsText}'.", CliApp.InvalidInput);
            }

            if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                return CliApp.Fail(stderr, $"--inputs: '{twice.Key}' is named twice.", CliApp.InvalidInput);
            }

            if (names.FirstOrDefault(n => data.IndexOf(n) < 0) is { } unknown)
            {
                return CliApp.Fail(stderr, $"--inputs: {path} has no column '{unknown}'; {Suggest(data.Names, unknown)}", CliApp.InvalidInput);
            }
        }
        else
        {
            var description = SweepDescription.Read(path, out string? noSidecar);
            if (description is null)
            {
                return CliApp.Fail(stderr, $"--inputs: {noSidecar}, which would name the sweep's factors: name the input columns with --inputs a,b,...", CliApp.InvalidInput);
            }

            names = [.. description.Design.Factors.Select(f => f.Path)];
            if (names.FirstOrDefault(n => data.IndexOf(n) < 0) is { } absent)
            {
                return CliApp.Fail(stderr, $"{path}{SweepFile.SidecarSuffix} names the factor '{absent}', which is not a column of {path}: the sidecar is another sweep's; name the inputs with --inputs.", CliApp.InvalidInput);
            }
        }

        if (names.Contains(condition.Column, StringComparer.Ordinal))
        {
            return CliApp.Fail(stderr, inputsText is null
                ? $"--where: '{condition.Column}' is one of the inputs (a factor of {path}'s sidecar): threshold an output column such as war or war_difference_upper, or name other inputs with --inputs."
                : $"--inputs: '{condition.Column}' is the --where column; it cannot also be an input.", CliApp.InvalidInput);
        }

        // Rows of points that could not run, and rows without a value of the --where column, are left out.
        int errorColumn = data.IndexOf(ErrorColumn);
        int failed = 0, missing = 0, firstFailed = -1;
        var used = new List<int>();
        var interest = new List<bool>();
        string[] outcome = data.Columns[target];
        for (int i = 0; i < data.RowCount; i++)
        {
            if (errorColumn >= 0 && data.Columns[errorColumn][i].Length > 0)
            {
                failed++;
                firstFailed = firstFailed < 0 ? i : firstFailed;
                continue;
            }

            string text = outcome[i].Trim();
            if (text.Length == 0)
            {
                missing++;
                continue;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return CliApp.Fail(stderr, $"--where: the column '{condition.Column}' is not numeric: {data.Where(i)} holds '{outcome[i]}'.", CliApp.InvalidInput);
            }

            if (double.IsNaN(value))
            {
                missing++;
                continue;
            }

            used.Add(i);
            interest.Add(condition.Holds(value));
        }

        if (used.Count == 0 && missing > 0)
        {
            return CliApp.Fail(stderr, $"--where: the column '{condition.Column}' holds no number in any row that ran (all empty or NaN){(condition.Column == ErrorColumn ? ": it is the text of why a point could not run" : "")}; threshold a numeric column such as war or war_difference_upper.", CliApp.InvalidInput);
        }

        if (failed > 0 || missing > 0)
        {
            string why = string.Join(" and ", new[]
            {
                failed > 0 ? string.Create(CultureInfo.InvariantCulture, $"{failed} of points that could not run (non-empty '{ErrorColumn}'; the first, {data.Where(firstFailed)}: {data.Columns[errorColumn][firstFailed]})") : null,
                missing > 0 ? string.Create(CultureInfo.InvariantCulture, $"{missing} with no value of '{condition.Column}' (empty or NaN)") : null,
            }.Where(s => s is not null));
            stderr.WriteLine(CliApp.OneLine($"deterrence-sim: warning: {failed + missing} of {data.RowCount} rows left out: {why}."));
        }

        if (used.Count < MinimumRows)
        {
            return CliApp.Fail(stderr, string.Create(CultureInfo.InvariantCulture, $"{path}: {used.Count} rows to use (of {data.RowCount}); PRIM needs at least {MinimumRows}."), CliApp.InvalidInput);
        }

        int k = interest.Count(f => f);
        if (k == 0 || k == used.Count)
        {
            return CliApp.Fail(stderr, string.Create(CultureInfo.InvariantCulture, $"--where: '{whereText}' selects {(k == 0 ? "no row" : "every row")} ({k} of {used.Count}); PRIM needs cases of interest and others."), CliApp.InvalidInput);
        }

        var rows = new double[used.Count][];
        int[] columns = [.. names.Select(data.IndexOf)];
        for (int r = 0; r < used.Count; r++)
        {
            rows[r] = new double[names.Length];
            for (int j = 0; j < names.Length; j++)
            {
                string text = data.Columns[columns[j]][used[r]];
                if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                {
                    return CliApp.Fail(stderr, $"--inputs: the column '{names[j]}' is not numeric: {data.Where(used[r])} holds '{text}'; PRIM needs a finite number in every input of every row used.", CliApp.InvalidInput);
                }

                rows[r][j] = value;
            }
        }

        PrimResult result;
        try
        {
            result = Prim.Run(rows, names, [.. interest], options);
        }
        catch (ArgumentOutOfRangeException) when (options.Step is { } step)
        {
            int last = Prim.Run(rows, names, [.. interest], options with { Step = null }).Trajectory.Count - 1;
            return CliApp.Fail(stderr, $"--box: expected a step of the trajectory, 0 to {last}, found {step}.", CliApp.InvalidInput);
        }

        double[] minimum = [.. Enumerable.Range(0, names.Length).Select(j => rows.Min(r => r[j]))];
        double[] maximum = [.. Enumerable.Range(0, names.Length).Select(j => rows.Max(r => r[j]))];
        report = new DiscoverReport(path, condition, names, failed, missing, minimum, maximum, options, result);
        return 0;
    }

    /// <summary>The columns whose names are near a mistyped one, or else all of them: "did you mean 'war', 'war_lower'?".</summary>
    internal static string Suggest(IReadOnlyList<string> names, string name)
    {
        var near = names
            .Select(n => (Name: n, Distance: Distance(n.ToUpperInvariant(), name.ToUpperInvariant())))
            .Where(n => n.Distance <= Math.Max(2, name.Length / 4) || n.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n.Distance).ThenBy(n => n.Name, StringComparer.Ordinal).Take(5).Select(n => $"'{n.Name}'").ToList();
        return near.Count > 0
            ? $"did you mean {string.Join(", ", near)}?"
            : $"its columns are {string.Join(", ", names)}.";
    }

    /// <summary>The Levenshtein distance between two names.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static void Table(IAnsiConsole console, DiscoverReport report)
    {
        var result = report.Result;
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"PRIM on {report.File}: cases of interest where {report.Where}: {report.CasesOfInterest} of {report.Rows} rows ({(double)report.CasesOfInterest / report.Rows:P1}); inputs {string.Join(", ", report.Inputs)}")));
        var trajectory = new Table().AddColumns("step", "coverage", "density", "mass", "restricted");
        for (int s = 0; s < result.Trajectory.Count; s++)
        {
            var b = result.Trajectory[s];
            trajectory.AddRow(
                s.ToString(CultureInfo.InvariantCulture) + (s == result.ChosenStep ? " *" : ""),
                b.Coverage.ToString("F3", CultureInfo.InvariantCulture),
                b.Density.ToString("F3", CultureInfo.InvariantCulture),
                b.Mass.ToString("F3", CultureInfo.InvariantCulture),
                b.RestrictedInputs.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(trajectory);
        var box = result.Box;
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Box of step {result.ChosenStep} (*) after pasting: coverage {box.Coverage:F3}, density {box.Density:F3}, mass {box.Mass:F3} ({box.CasesOfInterest} of interest among {box.Cases} rows); {box.RestrictedInputs} of {report.Inputs.Count} inputs restricted.")));
        if (result.Restrictions.Count == 0)
        {
            console.MarkupLine("No input is restricted: the box is all the data.");
            return;
        }

        var limits = new Table().AddColumns("input", "lower", "upper", "data range", "qp", "qp lower", "qp upper");
        foreach (var r in result.Restrictions)
        {
            limits.AddRow(
                Markup.Escape(r.Input),
                r.LowerQuasiP is null ? "-" : r.Lower.ToString("G6", CultureInfo.InvariantCulture),
                r.UpperQuasiP is null ? "-" : r.Upper.ToString("G6", CultureInfo.InvariantCulture),
                FormattableString.Invariant($"[[{report.Minimum[r.Index]:G6}, {report.Maximum[r.Index]:G6}]]"),
                DiscoverReport.QuasiP(r).ToString("G3", CultureInfo.InvariantCulture),
                r.LowerQuasiP?.ToString("G3", CultureInfo.InvariantCulture) ?? "-",
                r.UpperQuasiP?.ToString("G3", CultureInfo.InvariantCulture) ?? "-");
        }

        console.Write(limits);
        console.MarkupLine("coverage: share of the cases of interest in the box; density: share of the box's rows of interest; mass: share of all rows in the box; - : that side is not restricted (the data's range).");
        console.MarkupLine("qp: quasi-p-value of the restriction (one-sided binomial, Bryant & Lempert 2010), the larger of its limits'; above 0.05 the limit may be chance.");
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
