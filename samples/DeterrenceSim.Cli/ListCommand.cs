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
        var variantOption = new Option<string?>("--variant") { Description = "List the overrides of a named variant of the scenario, each with its value, rationale and sources; with --parameters, the values with the variant applied." };
        var formatOption = new Option<string>("--format", "-f") { Description = "Output format: table, json or csv.", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("list", "List scenarios and their crises, or (--parameters) every parameter path of a scenario.") { scenarioOption, parametersOption, variantOption, formatOption };
        command.SetAction(parse =>
        {
            string? requested = parse.GetValue(scenarioOption);
            if (requested is not null && string.IsNullOrWhiteSpace(requested))
            {
                return CommonOptions.EmptyScenario(stderr);
            }

            bool parameters = parse.GetValue(parametersOption);
            string? variant = parse.GetValue(variantOption);
            if (variant is not null && string.IsNullOrWhiteSpace(variant))
            {
                return CliApp.Fail(stderr, "--variant: expected the name of a variant of the scenario, found an empty string.", CliApp.InvalidInput);
            }

            if ((parameters || variant is not null) && requested is null)
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
            if (variant is not null)
            {
                string source = ScenarioLoader.EmbeddedNames.Contains(requested!, StringComparer.Ordinal) ? "embedded:" + requested : requested!;
                Model.Scenario applied;
                try
                {
                    applied = ScenarioVariants.Apply(scenarios[0], variant, source);
                }
                catch (ScenarioException e)
                {
                    return CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
                }

                if (parameters)
                {
                    WriteParameters(stdout, ParameterCatalog.Describe(applied), format);
                }
                else
                {
                    WriteOverrides(stdout, scenarios[0].Variants.First(v => v.Name == variant), format);
                }

                return 0;
            }

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
            var variants = scenarios.SelectMany(sc => sc.Variants.Select(v => new[]
            {
                sc.Name, v.Name, v.Description, v.Overrides.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })).ToList();
            if (variants.Count > 0 && format == "table")
            {
                // Only in the table: the JSON and CSV lists stay one table of crises (list --variant NAME gives a variant's overrides in every format).
                Write(stdout, ["scenario", "variant", "description", "overrides"], variants, format);
            }

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

    /// <summary>A variant's overrides: path, value (as --set takes it), rationale and sources (in JSON an array; in a
    /// table and CSV joined by "; ").</summary>
    private static void WriteOverrides(TextWriter stdout, Model.ScenarioVariant variant, string format)
    {
        if (format == "json")
        {
            stdout.Write(JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("variant", variant.Name);
                w.WriteString("description", variant.Description);
                w.WriteStartArray("overrides");
                foreach (var o in variant.Overrides)
                {
                    w.WriteStartObject();
                    w.WriteString("path", o.Path);
                    w.WriteString("value", o.Value);
                    w.WriteString("rationale", o.Rationale);
                    w.WriteStartArray("sources");
                    foreach (string source in o.Sources)
                    {
                        w.WriteStringValue(source);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }));
            return;
        }

        if (format == "table")
        {
            CliApp.Console(stdout).WriteLine($"{variant.Name}: {variant.Description}");
        }

        var rows = variant.Overrides.Select(o => new[] { o.Path, o.Value, o.Rationale, string.Join("; ", o.Sources) }).ToList();
        Write(stdout, ["path", "value", "rationale", "sources"], rows, format);
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
