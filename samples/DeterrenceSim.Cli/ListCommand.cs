using System.CommandLine;
using DeterrenceSim.Scenarios;
using Spectre.Console;

namespace DeterrenceSim.Cli;

/// <summary>The <c>list</c> command: the embedded scenarios and their crises.</summary>
internal static class ListCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("list", "List the embedded scenarios and their crises.");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumns("scenario", "year", "crisis", "challenger", "defender", "theatre", "protocol");
            foreach (var name in ScenarioLoader.EmbeddedNames)
            {
                var scenario = ScenarioLoader.LoadEmbedded(name);
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
