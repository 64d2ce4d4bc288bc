namespace DeterrenceSim.Cli;

/// <summary>The JSON Schema (draft 2020-12) of <c>discover --format json</c>, shipped as docs/discover.schema.json (a test
/// keeps the two equal and checks real output against it).</summary>
internal static class DiscoverSchema
{
    /// <summary>The schema's <c>$id</c>.</summary>
    public const string Id = "urn:deterrencesim:discover";

    /// <summary>The schema document, with a final newline.</summary>
    public const string Json = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "urn:deterrencesim:discover",
          "title": "deterrence-sim discover --format json",
          "description": "PRIM scenario discovery (Friedman & Fisher 1999; Bryant & Lempert 2010): the peeling trajectory and the chosen box with its limits and quasi-p-values.",
          "type": "object",
          "required": ["file", "where", "inputs", "rows", "rowsExcluded", "casesOfInterest", "options", "chosenStep", "trajectory", "box"],
          "additionalProperties": false,
          "properties": {
            "file": { "type": "string", "description": "The file, as named on the command line." },
            "where": { "type": "string", "description": "The condition of the cases of interest, COLUMN OP NUMBER, as parsed." },
            "inputs": { "type": "array", "items": { "type": "string" }, "minItems": 1, "description": "The input columns." },
            "rows": { "type": "integer", "minimum": 10, "description": "The rows PRIM ran on (N)." },
            "rowsExcluded": {
              "type": "object",
              "required": ["failed", "missing"],
              "additionalProperties": false,
              "properties": {
                "failed": { "type": "integer", "minimum": 0, "description": "Rows left out for a non-empty error column (points that could not run)." },
                "missing": { "type": "integer", "minimum": 0, "description": "Rows left out for an empty or NaN value of the --where column." }
              }
            },
            "casesOfInterest": { "type": "integer", "minimum": 1, "description": "The rows that satisfy --where (K)." },
            "options": {
              "type": "object",
              "required": ["peel", "paste", "minMass", "minDensity", "box"],
              "additionalProperties": false,
              "properties": {
                "peel": { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 0.5 },
                "paste": { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 0.5 },
                "minMass": { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1 },
                "minDensity": { "type": ["number", "null"] },
                "box": { "type": ["integer", "null"], "minimum": 0 }
              }
            },
            "chosenStep": { "type": "integer", "minimum": 0, "description": "The trajectory step that was pasted: --box, else the first reaching --min-density, else the last." },
            "trajectory": {
              "type": "array",
              "minItems": 1,
              "description": "The peeling trajectory: step 0 is all the data, each later step one peel smaller.",
              "items": { "$ref": "#/$defs/box" }
            },
            "box": {
              "description": "The chosen step's box after pasting, with the limits of each restricted input.",
              "allOf": [{ "$ref": "#/$defs/box" }],
              "required": ["limits"],
              "properties": {
                "limits": {
                  "type": "object",
                  "description": "One entry a restricted input, named by its column; an unrestricted input has none.",
                  "additionalProperties": {
                    "type": "object",
                    "required": ["lower", "upper", "qp", "qpLower", "qpUpper", "dataMin", "dataMax"],
                    "additionalProperties": false,
                    "properties": {
                      "lower": { "type": "number", "description": "The lower limit (closed); dataMin when the lower side is not restricted." },
                      "upper": { "type": "number", "description": "The upper limit (closed); dataMax when the upper side is not restricted." },
                      "qp": { "type": "number", "minimum": 0, "maximum": 1, "description": "The quasi-p-value of the restriction: the larger of qpLower and qpUpper." },
                      "qpLower": { "type": ["number", "null"], "minimum": 0, "maximum": 1, "description": "The quasi-p-value of the lower limit (one-sided binomial); null when that side is not restricted." },
                      "qpUpper": { "type": ["number", "null"], "minimum": 0, "maximum": 1, "description": "The quasi-p-value of the upper limit; null when that side is not restricted." },
                      "dataMin": { "type": "number", "description": "The input's smallest value in the rows used." },
                      "dataMax": { "type": "number", "description": "The input's largest value in the rows used." }
                    }
                  }
                }
              }
            }
          },
          "$defs": {
            "box": {
              "type": "object",
              "required": ["step", "coverage", "density", "mass", "restricted", "cases", "casesOfInterest"],
              "properties": {
                "step": { "type": "integer", "minimum": 0 },
                "coverage": { "type": "number", "minimum": 0, "maximum": 1, "description": "Cases of interest in the box / all cases of interest." },
                "density": { "type": "number", "minimum": 0, "maximum": 1, "description": "Cases of interest in the box / rows in the box." },
                "mass": { "type": "number", "minimum": 0, "maximum": 1, "description": "Rows in the box / all rows." },
                "restricted": { "type": "integer", "minimum": 0, "description": "Inputs whose limits differ from the data's range." },
                "cases": { "type": "integer", "minimum": 0 },
                "casesOfInterest": { "type": "integer", "minimum": 0 }
              }
            }
          }
        }

        """;
}
