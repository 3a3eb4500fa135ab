using System.Text;

namespace DeclarativeScrape.Examples.Tests.Processes;

/// <summary>An RFC 4180 reader for the examples' CSV output: quoted fields, doubled quotes, line breaks inside quotes.</summary>
public static class Csv
{
    public static IReadOnlyList<IReadOnlyList<string>> Read(string text)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        quoted.ShouldBeFalse("the file ends outside a quoted field");
        (field.Length == 0 && row.Count == 0).ShouldBeTrue("the file ends with a complete row (CRLF)");
        return rows;
    }
}
