using System.CommandLine;
using DeterrenceSim.IO;

namespace DeterrenceSim.Cli;

/// <summary>The <c>merge</c> command: joins the shard outputs of one sweep into one file, identical to a single-process
/// run.</summary>
internal static class MergeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var shards = new Argument<string[]>("shards") { Description = "The shard outputs (each with its .sweep.json sidecar), in any order.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The merged file: .csv or .parquet (it must not exist).", Required = true };
        var command = new Command("merge", "Join the shard outputs of one sweep (sweep --shard i/n) into one file, identical to a single-process run.") { shards, output };
        command.SetAction(parse =>
        {
            string target = parse.GetValue(output) ?? "";
            try
            {
                var summary = SweepFile.Merge(parse.GetValue(shards) ?? [], target);
                stderr.WriteLine($"deterrence-sim: merged {SweepCommand.Plural(summary.Points, "point")} into {target} (every shard's rows checked); sidecar {target}{SweepFile.SidecarSuffix}.");
                stdout.Flush();
                return summary.FailedPoints > 0
                    ? CliApp.Fail(stderr, $"{SweepCommand.Plural(summary.FailedPoints, "design point")} could not run; their rows hold the reason in the error column.", CliApp.PointsFailed)
                    : 0;
            }
            catch (SweepFileException e)
            {
                return CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
            }
            catch (InvalidDataException e)
            {
                return CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
            }
            catch (FileNotFoundException e)
            {
                return CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
            }
        });
        return command;
    }
}
