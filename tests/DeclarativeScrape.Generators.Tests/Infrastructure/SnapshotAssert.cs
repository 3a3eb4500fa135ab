using System.Reflection;
using System.Text;

namespace DeclarativeScrape.Generators.Tests.Infrastructure;

/// <summary>
/// Verify's conventions without Verify: each generated file is compared with <c>{Test}.{HintName}.verified.cs</c> beside
/// the test source, and the set of files with <c>{Test}.files.verified.txt</c>. On a mismatch the new output is written as
/// <c>*.received.*</c> and the test fails. Set <c>DS_ACCEPT_SNAPSHOTS=1</c> (never honoured when <c>CI</c> is set) to
/// write the received output as the new verified files.
/// </summary>
/// <remarks>
/// The snapshots are found through the project directory the build records in the test assembly, not through
/// <c>[CallerFilePath]</c>: a CI build (<c>CI=true</c>, so <c>ContinuousIntegrationBuild</c>) maps source paths to
/// <c>/_/</c>, where nothing exists.
/// </remarks>
public static class SnapshotAssert
{
    private const string VersionPlaceholder = "{generator-version}";

    private static readonly string SnapshotDirectory = Path.Combine(
        typeof(SnapshotAssert).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!,
        "Snapshots");

    public static void Match(IReadOnlyList<(string HintName, string Source)> files, string name)
    {
        var directory = SnapshotDirectory;
        var accept = Environment.GetEnvironmentVariable("DS_ACCEPT_SNAPSHOTS") == "1" && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        var mismatches = new List<string>();
        var expected = files.Select(f => f.HintName).ToList();
        Compare(directory, name + ".files", ".txt", string.Join("\n", expected) + "\n", accept, mismatches);
        foreach (var (hintName, source) in files)
        {
            Compare(directory, name + "." + Path.GetFileNameWithoutExtension(hintName).Replace(".g", string.Empty, StringComparison.Ordinal), ".cs", Scrub(source), accept, mismatches);
        }

        // A verified file no longer generated is a mismatch too (the file set changed).
        foreach (var stale in Directory.EnumerateFiles(directory, name + ".*.verified.cs"))
        {
            var stem = Path.GetFileName(stale)[(name.Length + 1)..^".verified.cs".Length];
            if (!files.Any(f => Path.GetFileNameWithoutExtension(f.HintName).Replace(".g", string.Empty, StringComparison.Ordinal) == stem))
            {
                if (accept)
                {
                    File.Delete(stale);
                }
                else
                {
                    mismatches.Add(Path.GetFileName(stale) + " (no longer generated)");
                }
            }
        }

        mismatches.ShouldBeEmpty("Snapshots differ; compare the *.received.* files, then run with DS_ACCEPT_SNAPSHOTS=1 to accept.");
    }

    /// <summary>Replaces the generator's version, so a version bump does not change every snapshot.</summary>
    public static string Scrub(string source) =>
        source.Replace("\"" + Emit.FileFrame.Version + "\"", "\"" + VersionPlaceholder + "\"", StringComparison.Ordinal);

    private static void Compare(string directory, string stem, string extension, string actual, bool accept, List<string> mismatches)
    {
        var verified = Path.Combine(directory, stem + ".verified" + extension);
        var received = Path.Combine(directory, stem + ".received" + extension);
        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (accept)
        {
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        mismatches.Add(Path.GetFileName(verified) + (expected is null ? " (missing)" : " (differs)"));
    }
}
