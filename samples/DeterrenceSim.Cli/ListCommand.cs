using System.CommandLine;
using System.Text;
using System.Text.Json;
using DeterrenceSim.Scenarios;
using Spectre.Console;

namespace DeterrenceSim.Cli;

/// <summary>The <c>list</c> command: scenarios (every embedded one, or the one given) and their crises; with
/// <c>--parameters</c>, every parameter path of one scenario with its value, domain, default and where it acts.</summary>
internal static class ListCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenarioOption = new Option<string?>("--scenario", "-s") { Description = "A scenario file or embedded name (default: every embedded scenario; with --parameters, the default scenario)." };
        var parametersOption = new Option<bool>("--parameters", "-p") { Description = "List every parameter path of the scenario (for --set, --vary): its value, type, domain, default, and whether it acts in single rounds or only in runs over periods." };
        var formatOption = new Option<string>("--format", "-f") { Description = "Output format: table, json or csv.", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("list", "List scenarios and their crises, or (--parameters) every parameter path of a scenario.") { scenarioOption, parametersOption, formatOption };
        command.SetAction(parse =>
        {
            string? requested = parse.GetValue(scenarioOption);
            if (requested is not null && string.IsNullOrWhiteSpace(requested))
            {
                return CommonOptions.EmptyScenario(stderr);
            }

            bool parameters = parse.GetValue(parametersOption);
            if (parameters && requested is null)
            {
                requested = ScenarioLoader.DefaultScenarioName;
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

            string format = parse.GetValue(formatOption) ?? "table";
            if (parameters)
            {
                WriteParameters(stdout, ParameterCatalog.Describe(scenarios[0]), format);
                return 0;
            }

            var rows = scenarios.SelectMany(s => s.Crises.Select(c => new[]
            {
                s.Name, s.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", c.Id, c.Challenger, c.Defender, c.Theatre.Region, c.Bargaining.Protocol.ToString(),
            })).ToList();
            Write(stdout, ["scenario", "year", "crisis", "challenger", "defender", "theatre", "protocol"], rows, format);
            return 0;
        });
        return command;
    }

    private static void WriteParameters(TextWriter stdout, IReadOnlyList<ParameterDescription> parameters, string format)
    {
        if (format == "json")
        {
            // Values and defaults as JSON values (numbers, strings, true/false, null), the rest as strings.
            stdout.Write(JsonOutput.Write(w =>
            {
                w.WriteStartArray();
                foreach (var p in parameters)
                {
                    w.WriteStartObject();
                    w.WriteString("path", p.Path);
                    w.WritePropertyName("value");
                    w.WriteRawValue(p.Value);
                    w.WriteString("type", p.Type);
                    w.WriteString("domain", p.Domain);
                    w.WritePropertyName("default");
                    if (p.Default is null)
                    {
                        w.WriteNullValue();
                    }
                    else if (IsJson(p.Default))
                    {
                        w.WriteRawValue(p.Default);
                    }
                    else
                    {
                        // A default taken from another field, in words ("theatre.defaultProjection").
                        w.WriteStringValue(p.Default);
                    }

                    w.WriteBoolean("required", p.Default is null);

                    w.WriteString("acts", Acts(p.Acts));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }));
            return;
        }

        var rows = parameters.Select(p => new[] { p.Path, Plain(p.Value), p.Type, p.Domain, p.Default is null ? "(required)" : Plain(p.Default), Acts(p.Acts) }).ToList();
        Write(stdout, ["path", "value", "type", "domain", "default", "acts"], rows, format);
    }

    /// <summary>Where a parameter acts, in one word: rounds (every round), runs (only between periods), nowhere.</summary>
    private static string Acts(ParameterActs acts) => acts switch
    {
        ParameterActs.Rounds => "rounds",
        ParameterActs.Runs => "runs",
        _ => "nowhere",
    };

    /// <summary>A JSON string value without its quotes, for tables and CSV.</summary>
    private static string Plain(string json)
    {
        if (json.Length < 2 || json[0] != '"')
        {
            return json;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetString() ?? "";
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Write(TextWriter stdout, string[] header, List<string[]> rows, string format)
    {
        if (format == "csv")
        {
            stdout.Write(string.Join(',', header) + "\n");
            foreach (var row in rows)
            {
                stdout.Write(string.Join(',', row.Select(Field)) + "\n");
            }

            return;
        }

        if (format == "json")
        {
            stdout.Write(JsonOutput.Write(w =>
            {
                w.WriteStartArray();
                foreach (var row in rows)
                {
                    w.WriteStartObject();
                    for (int i = 0; i < header.Length; i++)
                    {
                        w.WriteString(header[i], row[i]);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }));
            return;
        }

        var table = new Table().AddColumns(header);
        foreach (var row in rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        CliApp.Console(stdout).Write(table);
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
