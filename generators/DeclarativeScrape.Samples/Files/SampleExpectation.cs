using System;
using DeclarativeScrape.Samples.Expected;

namespace DeclarativeScrape.Samples.Files
{
    /// <summary>An expected-values file read once: its values, or why it cannot be read. Equal when the file is.</summary>
    internal sealed class SampleExpectation : IEquatable<SampleExpectation>
    {
        private SampleExpectation(SampleText file, ExpectedValues? values, string? problem)
        {
            File = file;
            Values = values;
            Problem = problem;
        }

        public SampleText File { get; }

        public ExpectedValues? Values { get; }

        /// <summary>Why the file cannot be read, or <see langword="null"/>.</summary>
        public string? Problem { get; }

        public string Path => File.Path;

        public static SampleExpectation Read(SampleText file)
        {
            try
            {
                return new SampleExpectation(file, ExpectedValues.Read(file.Text!), null);
            }
            catch (FormatException exception)
            {
                return new SampleExpectation(file, null, exception.Message);
            }
        }

        public bool Equals(SampleExpectation? other) => other is not null && File.Equals(other.File);

        public override bool Equals(object? obj) => Equals(obj as SampleExpectation);

        public override int GetHashCode() => File.GetHashCode();
    }
}
