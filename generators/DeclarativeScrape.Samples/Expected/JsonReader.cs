using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DeclarativeScrape.Samples.Expected
{
    /// <summary>
    /// Reads one JSON document (RFC 8259) into <see cref="JsonNode"/>s. The compiler has no JSON library an analyzer may
    /// rely on, and expected-values files are small: a plain recursive reader with a depth limit.
    /// </summary>
    internal sealed class JsonReader
    {
        private const int MaxDepth = 64;

        private readonly string _text;
        private int _at;

        private JsonReader(string text) => _text = text;

        /// <summary>The document's value.</summary>
        /// <exception cref="FormatException">The text is not JSON; the message says where.</exception>
        public static JsonNode Read(string text)
        {
            var reader = new JsonReader(text);
            reader.SkipSpace();
            if (reader._at < text.Length && text[reader._at] == '\uFEFF')
            {
                reader._at++;
            }

            var value = reader.Value(0);
            reader.SkipSpace();
            if (reader._at != text.Length)
            {
                throw reader.Error("unexpected text after the value");
            }

            return value;
        }

        private JsonNode Value(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("nested too deeply");
            }

            SkipSpace();
            if (_at >= _text.Length)
            {
                throw Error("the file ends where a value should be");
            }

            switch (_text[_at])
            {
                case '{':
                    return ObjectValue(depth);
                case '[':
                    return ArrayValue(depth);
                case '"':
                    return JsonNode.String(StringValue());
                case 't':
                    Word("true");
                    return JsonNode.Boolean(true);
                case 'f':
                    Word("false");
                    return JsonNode.Boolean(false);
                case 'n':
                    Word("null");
                    return JsonNode.Null;
                default:
                    return NumberValue();
            }
        }

        private JsonNode ObjectValue(int depth)
        {
            _at++;
            var members = new List<KeyValuePair<string, JsonNode>>();
            SkipSpace();
            if (Peek() == '}')
            {
                _at++;
                return JsonNode.Object(members);
            }

            while (true)
            {
                SkipSpace();
                if (Peek() != '"')
                {
                    throw Error("expected a member name in quotes");
                }

                var name = StringValue();
                SkipSpace();
                Expect(':');
                members.Add(new KeyValuePair<string, JsonNode>(name, Value(depth + 1)));
                SkipSpace();
                if (Peek() == ',')
                {
                    _at++;
                    continue;
                }

                Expect('}');
                return JsonNode.Object(members);
            }
        }

        private JsonNode ArrayValue(int depth)
        {
            _at++;
            var items = new List<JsonNode>();
            SkipSpace();
            if (Peek() == ']')
            {
                _at++;
                return JsonNode.Array(items);
            }

            while (true)
            {
                items.Add(Value(depth + 1));
                SkipSpace();
                if (Peek() == ',')
                {
                    _at++;
                    continue;
                }

                Expect(']');
                return JsonNode.Array(items);
            }
        }

        private string StringValue()
        {
            _at++;
            var builder = new StringBuilder();
            while (true)
            {
                if (_at >= _text.Length)
                {
                    throw Error("unclosed string");
                }

                var c = _text[_at++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < 0x20)
                {
                    throw Error("a control character inside a string");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (_at >= _text.Length)
                {
                    throw Error("unclosed string");
                }

                var escape = _text[_at++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_at + 4 > _text.Length || !int.TryParse(_text.Substring(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Error("expected four hex digits after \\u");
                        }

                        builder.Append((char)code);
                        _at += 4;
                        break;
                    default:
                        throw Error("unknown escape '\\" + escape + "'");
                }
            }
        }

        private JsonNode NumberValue()
        {
            var start = _at;
            while (_at < _text.Length && (char.IsDigit(_text[_at]) || _text[_at] is '-' or '+' or '.' or 'e' or 'E'))
            {
                _at++;
            }

            var text = _text.Substring(start, _at - start);
            if (text.Length == 0 || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                _at = start;
                throw Error("expected a value");
            }

            return JsonNode.Number(text);
        }

        private void Word(string word)
        {
            if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0)
            {
                throw Error("expected a value");
            }

            _at += word.Length;
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Error("expected '" + c + "'");
            }

            _at++;
        }

        private char Peek() => _at < _text.Length ? _text[_at] : '\0';

        private void SkipSpace()
        {
            while (_at < _text.Length && _text[_at] is ' ' or '\t' or '\n' or '\r')
            {
                _at++;
            }
        }

        private FormatException Error(string problem)
        {
            var line = 1;
            var column = 1;
            for (var i = 0; i < _at && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return new FormatException(problem + " (line " + line.ToString(CultureInfo.InvariantCulture) + ", column " + column.ToString(CultureInfo.InvariantCulture) + ")");
        }
    }
}
