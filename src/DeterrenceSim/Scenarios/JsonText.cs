using System.Text;
using System.Text.Json;

namespace DeterrenceSim.Scenarios;

/// <summary>Writes a JSON document with a <see cref="Utf8JsonWriter"/> and returns it as indented text with <c>\n</c> line
/// ends on every platform (designs, sidecars, sensitivity results).</summary>
internal static class JsonText
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n");
    }
}
