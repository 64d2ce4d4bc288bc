using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;
using Json.Schema;

namespace DeterrenceSim.Tests.Scenarios;

/// <summary>
/// The scenario JSON Schema (docs/scenario.schema.json, <see cref="ScenarioSchema"/>) against the loader: the shipped
/// scenarios are valid, the schema allows exactly the reader's fields and choices, and schema and loader agree on
/// malformed documents (here, on every mutation of every field of a full scenario, and through
/// <see cref="MinimalScenario.ParseError(string, string)"/> on every malformed document of the scenario tests).
/// </summary>
public partial class ScenarioSchemaTests
{
    private const string SchemaFile = "docs/scenario.schema.json";

    // ---- the schema document --------------------------------------------------------------------------------

    /// <summary>The file in docs/ is what the library generates from the table of the format; with the environment
    /// variable <c>DETERRENCESIM_UPDATE_SCHEMA=1</c> this test rewrites it first (after a change to ScenarioKinds: review
    /// the diff).</summary>
    [Fact]
    public void Json_IsTheFileInDocs()
    {
        if (Environment.GetEnvironmentVariable("DETERRENCESIM_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(Repository(SchemaFile), ScenarioSchema.Json);
        }

        Assert.True(
            File.ReadAllText(Repository(SchemaFile)) == ScenarioSchema.Json,
            $"{SchemaFile} is not what the library generates: run DETERRENCESIM_UPDATE_SCHEMA=1 dotnet test --filter Json_IsTheFileInDocs and review the diff");
    }

    [Fact]
    public void Json_IsAValidDraft202012SchemaWithItsId()
    {
        var node = JsonNode.Parse(ScenarioSchema.Json)!;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)node["$schema"]);
        Assert.Equal(ScenarioSchema.Id, (string?)node["$id"]);
        using var document = JsonDocument.Parse(ScenarioSchema.Json);
        var metaSchema = SchemaRegistry.Global.Get(new Uri("https://json-schema.org/draft/2020-12/schema"));
        var results = Assert.IsType<JsonSchema>(metaSchema).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, "docs/scenario.schema.json does not follow the draft 2020-12 meta-schema");
    }

    // ---- the shipped scenarios ------------------------------------------------------------------------------

    /// <summary>Every scenario document the repository ships: each embedded scenario, each scenario file under samples/,
    /// tests/ and docs/, and each scenario in README.md.</summary>
    public static TheoryData<string> ShippedScenarios()
    {
        var names = new TheoryData<string>();
        foreach (string name in ScenarioLoader.EmbeddedNames)
        {
            names.Add("embedded:" + name);
        }

        foreach (string file in ScenarioFiles())
        {
            names.Add("file:" + file);
        }

        for (int i = 0; i < ReadmeScenarios().Count; i++)
        {
            names.Add("README.md:" + i);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void ShippedScenario_IsValidForSchemaAndLoader(string name)
    {
        string json = ShippedText(name);

        Assert.Null(SchemaCheck.Errors(json));
        Assert.NotNull(ScenarioLoader.Parse(json, name));
    }

    [Fact]
    public void ShippedScenarios_IncludeTheReadmeExample()
    {
        Assert.NotEmpty(ReadmeScenarios());
    }

    [Fact]
    public void EveryEmbeddedScenario_NamesTheSchema()
    {
        foreach (string name in ScenarioLoader.EmbeddedNames)
        {
            var root = JsonNode.Parse(ShippedText("embedded:" + name))!;
            Assert.EndsWith("/docs/scenario.schema.json", (string?)root["$schema"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EmbeddedScenarioSource_NamesTheSchemaByAPathThatResolvesInTheRepository()
    {
        // Editors resolve a relative $schema against the scenario file's folder.
        string scenario = Repository("src/DeterrenceSim/Scenarios/Embedded/indo-pacific-2023.json");
        string reference = (string)JsonNode.Parse(File.ReadAllText(scenario))!["$schema"]!;

        Assert.False(Path.IsPathRooted(reference));
        Assert.Equal(Repository(SchemaFile), Path.GetFullPath(Path.Combine(Path.GetDirectoryName(scenario)!, reference)));
    }

    // ---- the $schema key ------------------------------------------------------------------------------------

    [Fact]
    public void Parse_SchemaKey_IsAcceptedAndIgnored()
    {
        var withKey = MinimalScenario.Parse(MinimalScenario.With(root => root["$schema"] = "./scenario.schema.json"));

        Assert.Equal(ScenarioLoader.ToJson(MinimalScenario.Parse()), ScenarioLoader.ToJson(withKey));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[\"./scenario.schema.json\"]")]
    public void Parse_SchemaKeyNotAString_Fails(string value)
    {
        string json = MinimalScenario.Replace("\"name\": \"minimal\",", "\"$schema\": " + value + ", \"name\": \"minimal\",");

        var e = MinimalScenario.ParseError(json, "$.$schema");

        Assert.Contains("string", e.Expected, StringComparison.Ordinal);
        Assert.NotNull(SchemaCheck.Errors(json));
    }

    [Fact]
    public void Parse_SchemaKeyInsideAState_IsUnknown()
    {
        MinimalScenario.ParseError(root => MinimalScenario.Item(root, "states")["$schema"] = "x", "$.states[0].$schema");
    }

    [Fact]
    public void ToJson_WritesNoSchemaKey()
    {
        // The writer's text is what `--set` paths address and what a sweep's sidecar hashes (scenarioSha256): a key
        // naming a file would change both, and a path that suits one folder is wrong in the next.
        var parsed = ScenarioLoader.Parse(ShippedText("embedded:" + ScenarioLoader.DefaultScenarioName));

        Assert.Null(JsonNode.Parse(ScenarioLoader.ToJson(parsed))!["$schema"]);
    }

    // ---- the schema allows exactly the reader's fields and choices ------------------------------------------

    /// <summary>Each object of the format: where the schema describes it, and the fields the reader allows in it.</summary>
    public static TheoryData<string, string[]> Objects() => new()
    {
        { "", ScenarioJsonReader.ScenarioFields },
        { "/$defs/state", ScenarioJsonReader.StateFields },
        { "/$defs/perception", ScenarioJsonReader.PerceptionFields },
        { "/$defs/alliance", ScenarioJsonReader.AllianceFields },
        { "/$defs/preference", ScenarioJsonReader.PreferenceFields },
        { "/$defs/commitment", ScenarioJsonReader.CommitmentFields },
        { "/$defs/deepening", ScenarioJsonReader.DeepeningFields },
        { "/$defs/crisis", ScenarioJsonReader.CrisisFields },
        { "/$defs/theatre", ScenarioJsonReader.TheatreFields },
        { "/$defs/bargaining", ScenarioJsonReader.BargainingFields },
        { "/$defs/escalationStrike", ScenarioJsonReader.EscalationFields },
        { "/$defs/variant", ScenarioJsonReader.VariantFields },
        { "/$defs/variantOverride", ScenarioJsonReader.VariantOverrideFields },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void Properties_OfEachObject_AreTheReadersFieldsAndNoOthers(string pointer, string[] fields)
    {
        var schema = At(pointer);

        Assert.Equal(fields.Order(StringComparer.Ordinal), schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void Objects_CoverEveryObjectTheSchemaDefines()
    {
        var described = Objects().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var defined = JsonNode.Parse(ScenarioSchema.Json)!["$defs"]!.AsObject()
            .Where(d => (string?)d.Value!["type"] == "object" && d.Value["properties"] is not null)
            .Select(d => "/$defs/" + d.Key);

        Assert.All(defined, pointer => Assert.Contains(pointer, described));
    }

    [Fact]
    public void NullableProperties_AreTheReadersNullableFields()
    {
        // A variant's override value may be null (an override that unsets a nullable field): not itself an unset field.
        var nullable = Objects()
            .Where(row => (string)row[0] != "/$defs/variantOverride")
            .SelectMany(row => At((string)row[0])["properties"]!.AsObject())
            .Where(p => AcceptsNull(p.Value!))
            .Select(p => p.Key)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ScenarioJsonReader.NullableFields.Order(StringComparer.Ordinal), nullable.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Choices_AreTheModelsEnumNames()
    {
        Assert.Equal(Enum.GetNames<CommitmentKind>(), Choices("/$defs/commitment/properties/kind"));
        Assert.Equal(Enum.GetNames<DecisionRule>(), Choices("/$defs/alliance/properties/decisionRule"));
        Assert.Equal(Enum.GetNames<BargainingProtocol>(), Choices("/$defs/bargaining/properties/protocol"));
    }

    [Fact]
    public void Periods_HaveTheModelsMaximum()
    {
        Assert.Equal(Scenario.MaxPeriods, At("/properties/periods")["maximum"]!.GetValue<int>());
    }

    // ---- the writer -----------------------------------------------------------------------------------------

    [Fact]
    public void ToJson_ScenarioWithEveryField_WritesEveryFieldTheReaderKnowsAndTheSchemaAllowsThem()
    {
        string json = ScenarioLoader.ToJson(MinimalScenario.Parse(FullDocument().ToJsonString()));

        Assert.Null(SchemaCheck.Errors(json));
        var written = JsonNode.Parse(json)!.AsObject();
        foreach (var (path, node) in Walk(written, ""))
        {
            if (node is JsonObject item && FieldsOf(path) is { } fields)
            {
                Assert.Equal(fields.Where(f => f != ScenarioJsonReader.SchemaKey).Order(StringComparer.Ordinal), item.Select(p => p.Key).Order(StringComparer.Ordinal));
            }
        }

        Assert.All(Objects().Select(row => (string[])row[1]), fields => Assert.Contains(Walk(written, ""), entry => FieldsOf(entry.Path) == fields));
    }

    [Fact]
    public void ToJson_EmbeddedScenario_IsValid()
    {
        var scenario = ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName);

        Assert.Null(SchemaCheck.Errors(ScenarioLoader.ToJson(scenario)));
    }

    // ---- malformed documents --------------------------------------------------------------------------------

    /// <summary>
    /// Malformed documents that the scenario tests do not already make (runs over periods, alliances' votes, the
    /// <c>$schema</c> key) and one of each kind the schema expresses: (JSON pointer in <see cref="MinimalScenario.Json"/>,
    /// its new JSON value or <c>-</c> to remove it, the JSON path the loader names). The loader tests' own malformed
    /// documents are checked against the schema by <see cref="MinimalScenario.ParseError(string, string)"/>.
    /// </summary>
    public static TheoryData<string, string, string> Malformed() => new()
    {
        // runs over periods
        { "/periods", "0", "$.periods" },
        { "/periods", "10001", "$.periods" },
        { "/periods", "2.5", "$.periods" },
        { "/periods", "\"20\"", "$.periods" },
        { "/learning", "\"true\"", "$.learning" },
        { "/learning", "1", "$.learning" },
        { "/learning", "null", "$.learning" },
        { "/priorStrength", "-1", "$.priorStrength" },
        { "/priorStrength", "1e999", "$.priorStrength" },
        { "/overstretch", "0.5", "$.overstretch" },
        { "/overstretch", "1e999", "$.overstretch" },
        { "/states/0/growthRate", "1e999", "$.states[0].growthRate" },
        // alliances' votes
        { "/alliances/0/votePeriod", "0", "$.alliances[0].votePeriod" },
        { "/alliances/0/votePeriod", "1.5", "$.alliances[0].votePeriod" },
        { "/alliances/0/votePeriod", "2147483648", "$.alliances[0].votePeriod" },
        { "/alliances/0/preferences", "[]", "$.alliances[0].preferences" },
        { "/alliances/0/preferences", "{\"CCC\": 0.5}", "$.alliances[0].preferences.CCC" },
        { "/alliances/0/preferences", "{\"CCC\": {\"support\": 1.5}}", "$.alliances[0].preferences.CCC.support" },
        { "/alliances/0/preferences", "{\"CCC\": {\"support\": null}}", "$.alliances[0].preferences.CCC.support" },
        { "/alliances/0/preferences", "{\"CCC\": {\"supportUnderThreat\": -0.1}}", "$.alliances[0].preferences.CCC.supportUnderThreat" },
        { "/alliances/0/preferences", "{\"CCC\": {\"veto\": true}}", "$.alliances[0].preferences.CCC.veto" },
        // one of each other kind
        { "/states/0/perception", "{\"capabilityBias\": \"high\"}", "$.states[0].perception.capabilityBias" },
        { "/states/0/perception", "{\"noise\": 1e999}", "$.states[0].perception.noise" },
        { "/states/0/regions", "[\"East\", \" \"]", "$.states[0].regions[1]" },
        { "/states/0/id", "\"A B\"", "$.states[0].id" },
        { "/year", "2147483648", "$.year" },
        { "/sources", "[\"S1\", 2]", "$.sources[1]" },
        { "/description", "null", "$.description" },
        { "/alliances/0/members", "[\"BBB\", \"CCC\", \"BBB\"]", "$.alliances[0].members[2]" },
        { "/alliances/0/scope", "\"West\"", "$.alliances[0].scope" },
        { "/commitments/0/deepening", "{\"signal\": \"0.1\"}", "$.commitments[0].deepening.signal" },
        { "/commitments/0/alliance", "7", "$.commitments[0].alliance" },
        { "/commitments/0/signal", "1e999", "$.commitments[0].signal" },
        { "/crises/0/theatre/projection", "{\"CCC\": \"far\"}", "$.crises[0].theatre.projection.CCC" },
        { "/crises/0/escalation", "[{\"target\": \"CCC\", \"region\": \"\", \"probability\": 0.1}]", "$.crises[0].escalation[0].region" },
        { "/crises/0/bargaining", "{\"protocol\": \"TakeItOrLeaveIt\", \"defenderCostUpperBound\": null}", "$.crises[0].bargaining.defenderCostUpperBound" },
        { "/crises/0/defenderCost", "null", "$.crises[0].defenderCost" },
        { "/crises/0/decisiveness", "1e999", "$.crises[0].decisiveness" },
        { "/crises/0/foresight", "2147483648", "$.crises[0].foresight" },
        { "/crises/0/theatre", "-", "$.crises[0].theatre" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_IsRejectedByLoaderAndSchema(string pointer, string value, string expectedPath)
    {
        var root = MinimalScenario.Node();
        Edit(root, pointer, value);
        string json = root.ToJsonString();

        var e = MinimalScenario.ParseError(json, expectedPath);

        Assert.False(SchemaCheck.IsReaderOnly(e));
        Assert.NotNull(SchemaCheck.Errors(json));
    }

    [Fact]
    public void ReaderOnlyChecks_AreDocumentedAndTheSchemaLetsThemThrough()
    {
        // What the schema cannot say is said in its description, and a document that breaks only such a rule passes it.
        string description = (string)JsonNode.Parse(ScenarioSchema.Json)!["description"]!;
        Assert.Contains("unique", description, StringComparison.Ordinal);
        Assert.Contains("references", description, StringComparison.Ordinal);

        string json = MinimalScenario.With(root => MinimalScenario.Item(root, "commitments")["supporter"] = "ZZZ");
        var e = MinimalScenario.ParseError(json, "$.commitments[0].supporter");
        Assert.True(SchemaCheck.IsReaderOnly(e));
        Assert.Null(SchemaCheck.Errors(json));
    }

    /// <summary>The values each field is set to in <see cref="EveryMutation_SchemaAgreesWithTheLoader"/>: every JSON
    /// kind, the edges of the domains ([0, 1], (0, 1), > 0, > -1, >= 1, integers) and numbers that overflow a double.</summary>
    private static readonly string[] Mutations =
    [
        "null", "true", "\"\"", "\" \"", "\"x\"", "\"AAA\"", "[]", "[\"x\"]", "[1]", "{}", "{\"x\": 1}",
        "-2147483649", "-1.5", "-1", "-0.5", "0", "1e-300", "0.5", "1", "1.5", "2", "2.5", "2147483648", "10001", "1e999", "-1e999",
    ];

    [Fact]
    public void EveryMutation_SchemaAgreesWithTheLoader()
    {
        // Every field, item and map entry of a scenario with every field, set to each of the Mutations or removed, and an
        // unknown field added to every object: the schema must accept what the loader accepts, and reject what it
        // rejects unless the loader's check is one no schema can make (SchemaCheck.ReaderOnly). A field the reader
        // learns, or a domain the validator changes, without the schema following, fails here.
        var full = FullDocument();
        var disagreements = new List<string>();
        int documents = 0;
        foreach (var (path, node) in Walk(full, "").ToList())
        {
            var edits = new List<string>(Mutations);
            if (path.Length > 0)
            {
                edits.Add("-");
            }

            if (node is JsonObject)
            {
                edits.Add("+");
            }

            foreach (string edit in edits)
            {
                var mutant = full.DeepClone().AsObject();
                if (edit == "+")
                {
                    Find(mutant, path).AsObject()["unknownField"] = 1;
                }
                else if (path.Length > 0)
                {
                    Edit(mutant, path, edit);
                }
                else
                {
                    continue; // the root itself replaced: Parse_RootIsArray_FailsAtRoot and its kind
                }

                string json = mutant.ToJsonString();
                documents++;
                ScenarioException? loaderError = null;
                try
                {
                    ScenarioLoader.Parse(json, "mutant.json");
                }
                catch (ScenarioException e)
                {
                    loaderError = e;
                }

                bool schemaAccepts = SchemaCheck.Accepts(json);
                if (loaderError is null && !schemaAccepts)
                {
                    disagreements.Add($"{path} = {edit}: the loader accepts it, the schema rejects it: {SchemaCheck.Errors(json)!.Split('\n')[0]}");
                }
                else if (loaderError is not null && schemaAccepts && !SchemaCheck.IsReaderOnly(loaderError))
                {
                    disagreements.Add($"{path} = {edit}: the schema accepts it, the loader rejects it: {loaderError.Message}");
                }
            }
        }

        Assert.True(documents > 1000, $"only {documents} mutants");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {documents} mutants:\n" + string.Join("\n", disagreements.Take(40)));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /// <summary>
    /// A valid scenario with every field of every object given, some of each nullable field null and some not: the
    /// minimal scenario with a second alliance, a second commitment and a second crisis (TakeItOrLeaveIt).
    /// </summary>
    private static JsonObject FullDocument()
    {
        var root = MinimalScenario.Node();
        var full = new JsonObject { ["$schema"] = "./scenario.schema.json" };
        foreach (var (key, value) in root)
        {
            full[key] = value?.DeepClone();
        }

        full["year"] = 2031;
        full["description"] = "every field";
        full["sources"] = new JsonArray("S1");
        full["periods"] = 12;
        full["learning"] = false;
        full["priorStrength"] = 4.5;
        full["overstretch"] = 1.5;
        full["variants"] = new JsonArray(new JsonObject
        {
            ["name"] = "v-1",
            ["description"] = "every field of a variant",
            ["overrides"] = new JsonArray(new JsonObject { ["path"] = "states.AAA.perception.credulity", ["value"] = 0.5, ["rationale"] = "a test", ["sources"] = new JsonArray("S2") }),
        });
        foreach (var state in full["states"]!.AsArray())
        {
            state!["regions"] = new JsonArray(state["homeRegion"]!.GetValue<string>(), "Pacific");
            state["growthRate"] = 0.02;
            state["perception"] = new JsonObject { ["credulity"] = 0.5, ["noise"] = 0.6, ["supporterNoise"] = 0.1, ["capabilityBias"] = -0.2 };
        }

        var alliance = MinimalScenario.Item(full, "alliances");
        alliance["scope"] = new JsonArray("East");
        alliance["decisionRule"] = "Majority";
        alliance["memberReliability"] = 0.4;
        alliance["votePeriod"] = 2;
        alliance["preferences"] = new JsonObject
        {
            ["BBB"] = new JsonObject { ["support"] = 0.8, ["supportUnderThreat"] = 0.9 },
            ["CCC"] = new JsonObject { ["support"] = 0.5, ["supportUnderThreat"] = null },
        };
        full["alliances"]!.AsArray().Add(new JsonObject { ["id"] = "PACT", ["members"] = new JsonArray("AAA") });

        var commitment = MinimalScenario.Item(full, "commitments");
        commitment["scope"] = new JsonArray("East");
        commitment["outOfScopeReliability"] = 0.2;
        commitment["deepening"] = new JsonObject { ["reliability"] = 0.01, ["signal"] = -0.02 };
        commitment["alliance"] = "ALL";
        commitment["informationSharing"] = 0.3;
        full["commitments"]!.AsArray().Add(new JsonObject
        {
            ["supporter"] = "BBB",
            ["protege"] = "CCC",
            ["kind"] = "Partnership",
            ["reliability"] = 0.1,
            ["signal"] = 0.4,
            ["alliance"] = null,
        });

        var crisis = MinimalScenario.Item(full, "crises");
        crisis["theatre"] = new JsonObject { ["region"] = "East", ["defaultProjection"] = 0.2, ["projection"] = new JsonObject { ["CCC"] = 0.6, ["AAA"] = 0.9 } };
        crisis["discount"] = 0.95;
        crisis["decisiveness"] = 2.5;
        crisis["foresight"] = 3;
        crisis["bargaining"] = new JsonObject { ["protocol"] = "NashSplit", ["challengerPower"] = 0.25, ["defenderCostUpperBound"] = null };
        crisis["escalation"] = new JsonArray(new JsonObject { ["target"] = "CCC", ["region"] = "West", ["probability"] = 0.1 });
        full["crises"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "crisis-2",
            ["challenger"] = "CCC",
            ["defender"] = "AAA",
            ["theatre"] = new JsonObject { ["region"] = "West" },
            ["statusQuo"] = 0.5,
            ["challengerCost"] = 0.1,
            ["defenderCost"] = null,
            ["bargaining"] = new JsonObject { ["protocol"] = "TakeItOrLeaveIt", ["defenderCostUpperBound"] = 0.4 },
        });

        Assert.NotNull(MinimalScenario.Parse(full.ToJsonString()));
        return full;
    }

    /// <summary>The reader's fields of the object at a path of a document (a JSON pointer), or null if it is no
    /// object of the format.</summary>
    private static string[]? FieldsOf(string path) => PointerPattern().Replace(path, "/*") switch
    {
        "" => ScenarioJsonReader.ScenarioFields,
        "/states/*" => ScenarioJsonReader.StateFields,
        "/states/*/perception" => ScenarioJsonReader.PerceptionFields,
        "/alliances/*" => ScenarioJsonReader.AllianceFields,
        "/alliances/*/preferences/*" => ScenarioJsonReader.PreferenceFields,
        "/commitments/*" => ScenarioJsonReader.CommitmentFields,
        "/commitments/*/deepening" => ScenarioJsonReader.DeepeningFields,
        "/crises/*" => ScenarioJsonReader.CrisisFields,
        "/crises/*/theatre" => ScenarioJsonReader.TheatreFields,
        "/crises/*/bargaining" => ScenarioJsonReader.BargainingFields,
        "/crises/*/escalation/*" => ScenarioJsonReader.EscalationFields,
        "/variants/*" => ScenarioJsonReader.VariantFields,
        "/variants/*/overrides/*" => ScenarioJsonReader.VariantOverrideFields,
        _ => null,
    };

    // Array indices, and the keys of the two maps keyed by state id.
    [GeneratedRegex(@"(?<=/(?:states|alliances|commitments|crises|escalation|preferences|variants|overrides))/[^/]+")]
    private static partial Regex PointerPattern();

    /// <summary>Every node of a tree with its JSON pointer, the root first.</summary>
    private static IEnumerable<(string Path, JsonNode Node)> Walk(JsonNode node, string path)
    {
        yield return (path, node);
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o)
            {
                if (child is not null)
                {
                    foreach (var entry in Walk(child, path + "/" + key))
                    {
                        yield return entry;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (int i = 0; i < a.Count; i++)
            {
                foreach (var entry in Walk(a[i]!, path + "/" + i))
                {
                    yield return entry;
                }
            }
        }
    }

    private static JsonNode Find(JsonNode root, string path)
    {
        var node = root;
        foreach (string step in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonArray a ? a[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)]! : node[step]!;
        }

        return node;
    }

    /// <summary>Sets the value at a JSON pointer (creating an object's field), or removes it when the value is <c>-</c>.</summary>
    private static void Edit(JsonObject root, string pointer, string value)
    {
        int slash = pointer.LastIndexOf('/');
        var parent = Find(root, pointer[..slash]);
        string last = pointer[(slash + 1)..];
        var replacement = value == "-" ? null : JsonNode.Parse(value);
        if (parent is JsonArray array)
        {
            int index = int.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
            if (value == "-")
            {
                array.RemoveAt(index);
            }
            else
            {
                array[index] = replacement;
            }
        }
        else if (value == "-")
        {
            Assert.True(parent.AsObject().Remove(last), pointer);
        }
        else
        {
            parent[last] = replacement;
        }
    }

    private static JsonNode At(string pointer) => Find(JsonNode.Parse(ScenarioSchema.Json)!, pointer);

    private static string[] Choices(string pointer) => At(pointer)["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    private static bool AcceptsNull(JsonNode schema) =>
        schema["type"] switch
        {
            JsonValue type => type.GetValue<string>() == "null",
            JsonArray types => types.Any(t => t!.GetValue<string>() == "null"),
            _ => false,
        }
        || (schema["anyOf"] ?? schema["oneOf"]) is JsonArray options && options.Any(o => AcceptsNull(o!));

    private static string ShippedText(string name)
    {
        if (name.StartsWith("embedded:", StringComparison.Ordinal))
        {
            using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream("DeterrenceSim.Scenarios." + name["embedded:".Length..] + ".json")!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        return name.StartsWith("file:", StringComparison.Ordinal)
            ? File.ReadAllText(Repository(name["file:".Length..]))
            : ReadmeScenarios()[int.Parse(name["README.md:".Length..], System.Globalization.CultureInfo.InvariantCulture)];
    }

    /// <summary>Scenario files in the repository outside the embedded ones: every JSON file under samples/, tests/ and
    /// docs/ whose root object has <c>states</c>, relative to the repository.</summary>
    private static IEnumerable<string> ScenarioFiles()
    {
        string root = Repository("");
        foreach (string folder in new[] { "samples", "tests", "docs" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
                {
                    continue;
                }

                JsonNode? node;
                try
                {
                    node = JsonNode.Parse(File.ReadAllText(file));
                }
                catch (JsonException)
                {
                    continue;
                }

                if (node is JsonObject o && o.ContainsKey("states"))
                {
                    yield return relative;
                }
            }
        }
    }

    /// <summary>The JSON code blocks of README.md that are scenarios (they have <c>"states"</c>).</summary>
    private static List<string> ReadmeScenarios() =>
        ReadmeJsonBlock().Matches(File.ReadAllText(Repository("README.md")))
            .Select(m => m.Groups[1].Value)
            .Where(block => block.Contains("\"states\"", StringComparison.Ordinal))
            .ToList();

    [GeneratedRegex(@"```json\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ReadmeJsonBlock();

    /// <summary>A path in the repository (found from the test assembly's folder upwards by DeterrenceSim.sln).</summary>
    private static string Repository(string relative)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DeterrenceSim.sln")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        return Path.GetFullPath(Path.Combine(folder.FullName, relative));
    }
}
