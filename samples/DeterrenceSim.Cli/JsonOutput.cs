using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DeterrenceSim.Cli;

/// <summary>A JSON document the CLI writes itself (parameter lists, simulate's sidecar): indented, readable escapes
/// (<c>&gt;</c>, <c>+</c> as they are), a final newline.</summary>
internal static class JsonOutput
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
