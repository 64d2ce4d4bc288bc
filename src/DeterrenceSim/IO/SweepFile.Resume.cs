using System.Text.Json;
using DeterrenceSim.Experiments;

namespace DeterrenceSim.IO;

/// <summary>The checks before a resume or a merge: the same sweep, and files whose rows are the sweep's.</summary>
public static partial class SweepFile
{
    /// <summary>Checks a results file (a chunk, a shard, a finished output) against the sweep's rows for points
    /// <paramref name="first"/> up to <paramref name="end"/>.</summary>
    private static SweepRowCheck CheckFile(ExperimentDesign design, SweepOptions options, bool contrast, string path, long first, long end, long? rows, string remedy)
    {
        var check = new SweepRowCheck(design, options, Reported(options), mechanisms: true) { Contrast = contrast };
        try
        {
            check.Begin(first, end, path);
            foreach (var row in SweepRowReader.Read(path, out var paths))
            {
                if (paths.Count != design.Factors.Count)
                {
                    throw new SweepFileException($"{path}: its columns are not this sweep's");
                }

                check.Add(row);
            }

            if (first < end)
            {
                check.End();
            }

            if (rows is long expected && check.Rows != expected)
            {
                throw new SweepFileException($"{path}: {check.Rows} rows, but its sidecar records {expected}: the file is damaged");
            }
        }
        catch (Exception e) when (e is SweepFileException or InvalidDataException)
        {
            throw new SweepFileException($"{e.Message.TrimEnd('.')}; {remedy}.", e);
        }

        return check;
    }

    private static void CheckSameSweep(string found, string expected, string source, string prefix = "cannot resume: ")
    {
        if (string.Equals(found, expected, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            using var a = JsonDocument.Parse(found);
            using var b = JsonDocument.Parse(expected);
            // Keys of either side: a key only one side has (reporters, periods) differs too.
            // variants first: another variant also changes the scenario's hash, and the variant is the better explanation.
            var names = b.RootElement.EnumerateObject().Select(p => p.Name).Union(a.RootElement.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal)
                .OrderBy(n => n == "variants" ? 0 : 1);
            foreach (string name in names)
            {
                string mine = b.RootElement.TryGetProperty(name, out var own) ? own.GetRawText() : "(none)";
                string theirs = a.RootElement.TryGetProperty(name, out var value) ? value.GetRawText() : "(none)";
                if (!string.Equals(Compact(mine), Compact(theirs), StringComparison.Ordinal))
                {
                    string why = name == "formatVersion"
                        ? $" (files of formatVersion {MechanismsFormatVersion} and later end with the mechanism columns, butFor.NAME and shapley.NAME; earlier ones do not: {(prefix.StartsWith("cannot resume", StringComparison.Ordinal) ? "finish a run with the version that started it, or start again" : "merge the shards of one version")})"
                        : "";
                    throw new SweepFileException($"{prefix}{source} records a different {name}: {Compact(theirs)} there, {Compact(mine)} in this run{why}.");
                }
            }
        }
        catch (JsonException e)
        {
            throw new SweepFileException($"{prefix}{source} is not readable: {e.Message}");
        }

        throw new SweepFileException($"{prefix}{source} records a different sweep.");
    }

    private static string Compact(string json)
    {
        string text = string.Join(" ", json.Split('\n').Select(l => l.Trim()));
        return text.Length > 300 ? text[..300] + "..." : text;
    }
}
