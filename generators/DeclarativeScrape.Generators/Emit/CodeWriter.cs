using System.Text;

namespace DeclarativeScrape.Generators.Emit
{
    /// <summary>An indent-aware text writer over a <see cref="StringBuilder"/>: four spaces per level, <c>\n</c> line ends.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _builder = new StringBuilder(4096);
        private int _indent;

        /// <summary>Writes one line at the current indentation (an empty line has no indentation).</summary>
        public CodeWriter Line(string text)
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
                _builder.Append(text);
            }

            _builder.Append('\n');
            return this;
        }

        public CodeWriter Line() => Line(string.Empty);

        /// <summary>Writes <paramref name="header"/> (when not empty) and an opening brace, and indents.</summary>
        public CodeWriter Open(string header)
        {
            if (header.Length > 0)
            {
                Line(header);
            }

            Line("{");
            _indent++;
            return this;
        }

        /// <summary>Unindents and writes a closing brace followed by <paramref name="suffix"/>.</summary>
        public CodeWriter Close(string suffix = "")
        {
            _indent--;
            return Line("}" + suffix);
        }

        public override string ToString() => _builder.ToString();
    }
}
