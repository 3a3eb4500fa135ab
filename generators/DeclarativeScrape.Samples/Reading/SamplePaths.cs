using System;
using System.Collections.Generic;
using DeclarativeScrape.Samples.Files;

namespace DeclarativeScrape.Samples.Reading
{
    /// <summary>
    /// Finds the file a <c>[Sample]</c> path names among the additional files: relative to the project directory, else
    /// to the directory of the source file that declares it; an absolute path as it is.
    /// </summary>
    internal static class SamplePaths
    {
        /// <summary>The candidates, most likely first (normalised, forward slashes).</summary>
        public static List<string> Candidates(string path, string? projectDirectory, string declaringFile)
        {
            var candidates = new List<string>();
            var relative = path.Replace('\\', '/');
            if (IsAbsolute(relative))
            {
                candidates.Add(SampleTexts.Normalize(relative));
                return candidates;
            }

            if (!string.IsNullOrEmpty(projectDirectory))
            {
                candidates.Add(SampleTexts.Normalize(projectDirectory!.Replace('\\', '/').TrimEnd('/') + "/" + relative));
            }

            var slash = declaringFile.Replace('\\', '/').LastIndexOf('/');
            if (slash >= 0)
            {
                candidates.Add(SampleTexts.Normalize(declaringFile.Replace('\\', '/').Substring(0, slash) + "/" + relative));
            }

            return candidates;
        }

        /// <summary>The file among <paramref name="files"/> at one of <paramref name="candidates"/> (exact, then ignoring case).</summary>
        public static T? Find<T>(IReadOnlyList<string> candidates, IEnumerable<T> files, Func<T, string> pathOf)
            where T : class
        {
            foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
            {
                foreach (var candidate in candidates)
                {
                    foreach (var file in files)
                    {
                        if (string.Equals(pathOf(file), candidate, comparison))
                        {
                            return file;
                        }
                    }
                }
            }

            return null;
        }

        private static bool IsAbsolute(string path) =>
            path.StartsWith("/", StringComparison.Ordinal) || (path.Length > 2 && path[1] == ':' && path[2] == '/');
    }
}
