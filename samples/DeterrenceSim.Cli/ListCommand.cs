using System.CommandLine;
using DeterrenceSim.Scenarios;
using Spectre.Console;

namespace DeterrenceSim.Cli;

/// <summary>The <c>list</c> command: scenarios (every embedded one, or the one given) and their crises.</summary>
internal static class ListCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenarioOption = new Option<string?>("--scenario", "-s") { Description = "A scenario file or embedded name (default: every embedded scenario)." };
        var command = new Command("list", "List scenarios and their crises.") { scenarioOption };
        command.SetAction(parse =>
        {
            string? requested = parse.GetValue(scenarioOption);
            if (requested is not null && string.IsNullOrWhiteSpace(requested))
            {
                return CommonOptions.EmptyScenario(stderr);
            }

            var scenarios = new List<Model.Scenario>();
            try
            {
                scenarios.AddRange(requested is null ? ScenarioLoader.EmbeddedNames.Select(ScenarioLoader.LoadEmbedded) : [ScenarioLoader.Load(requested)]);
            }
            catch (ScenarioException e)
            {
                return CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
            }

            var table = new Table().AddColumns("scenario", "year", "crisis", "challenger", "defender", "theatre", "protocol");
            foreach (var scenario in scenarios)
            {
                string name = scenario.Name;
                foreach (var crisis in scenario.Crises)
                {
                    table.AddRow(
                        Markup.Escape(name),
                        scenario.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                        Markup.Escape(crisis.Id),
                        Markup.Escape(crisis.Challenger),
                        Markup.Escape(crisis.Defender),
                        Markup.Escape(crisis.Theatre.Region),
                        crisis.Bargaining.Protocol.ToString());
                }
            }

            CliApp.Console(stdout).Write(table);
            return 0;
        });
        return command;
    }
}
