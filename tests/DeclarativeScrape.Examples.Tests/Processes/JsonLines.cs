using System.Text;
using System.Text.Json;

namespace DeclarativeScrape.Examples.Tests.Processes;

/// <summary>Reads a JSON Lines file and proves it whole: it ends with a line break and every line is one JSON object.</summary>
public static class JsonLines
{
    public static IReadOnlyList<JsonElement> ReadComplete(string path)
    {
        File.Exists(path).ShouldBeTrue($"{path} was written");
        var text = File.ReadAllText(path, Encoding.UTF8);
        if (text.Length > 0)
        {
            text[^1].ShouldBe('\n', "the file ends with a complete line");
        }

        return Parse(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public static IReadOnlyList<JsonElement> Parse(IEnumerable<string> lines) =>
        [.. lines.Select((line, i) =>
        {
            try
            {
                var element = JsonDocument.Parse(line).RootElement.Clone();
                element.ValueKind.ShouldBe(JsonValueKind.Object);
                return element;
            }
            catch (JsonException e)
            {
                throw new ShouldAssertException($"line {i + 1} is not whole JSON ({e.Message}): {line}");
            }
        })];
}
