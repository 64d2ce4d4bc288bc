using DeterrenceSim.Model;

namespace DeterrenceSim.Scenarios;

/// <summary>The checks of a scenario's named variants.</summary>
public static partial class ScenarioValidator
{
    private sealed partial class Checker
    {
        /// <summary>Checks the variants: a unique id-like name, a description, at least one override, each with a path,
        /// a value, a rationale and sources; then, unless only the structure is asked for, applies each variant to the
        /// scenario as given (its other fields already checked), so that every path must resolve and every value be
        /// valid.</summary>
        private void CheckVariants(Scenario s)
        {
            NotNull(s.Variants, "$.variants", "an array");
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            var plain = s with { Variants = [] };
            for (int i = 0; i < s.Variants.Count; i++)
            {
                var variant = s.Variants[i];
                string path = At("$.variants", i);
                NotNull(variant, path, "a variant object");
                Id(variant.Name, path + ".name");
                if (!names.TryAdd(variant.Name, i))
                {
                    throw Error(path + ".name", "a variant name unique in $.variants", $"\"{variant.Name}\", already the name of $.variants[{names[variant.Name]}]");
                }

                NonEmpty(variant.Description, path + ".description");
                NotNull(variant.Overrides, path + ".overrides", "an array of overrides");
                if (variant.Overrides.Count == 0)
                {
                    throw Error(path + ".overrides", "at least one override", "an empty array");
                }

                var paths = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int j = 0; j < variant.Overrides.Count; j++)
                {
                    var o = variant.Overrides[j];
                    string p = At(path + ".overrides", j);
                    NotNull(o, p, "an override object");
                    NonEmpty(o.Path, p + ".path");
                    if (!paths.TryAdd(o.Path, j))
                    {
                        // As --set refuses a path given twice: the second value would silently win.
                        throw Error(p + ".path", "each path once in a variant", $"\"{o.Path}\", already the path of {At(path + ".overrides", paths[o.Path])}");
                    }

                    NotNull(o.Value, p + ".value", "a value");
                    NonEmpty(o.Rationale, p + ".rationale");
                    NotNull(o.Sources, p + ".sources", "an array of sources");
                    if (o.Sources.Count == 0)
                    {
                        throw Error(p + ".sources", "at least one source for the value", "an empty array");
                    }

                    Strings(o.Sources, p + ".sources");
                }

                if (applyVariants)
                {
                    _ = ScenarioVariants.Apply(plain, variant, i, source, validateFirst: false);
                }
            }
        }
    }
}
