using DeclarativeScrape.Examples.Tests.Processes;

namespace DeclarativeScrape.Examples.Tests.Packaging;

/// <summary>
/// The <c>DeclarativeScrape</c> and <c>DeclarativeScrape.Hosting</c> NuGet packages, packed once from this build's
/// output into a fresh local feed under a version no earlier test used, and fresh consumer projects that restore them
/// from that feed as a user's project restores them from nuget.org.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    private static readonly string[] Packed = ["src/DeclarativeScrape/DeclarativeScrape.csproj", "src/DeclarativeScrape.Hosting/DeclarativeScrape.Hosting.csproj"];

    private readonly TempDirectory _temp = new();

    /// <summary>A prerelease version unique to this test run, so no package cache holds an older build of it.</summary>
    public string Version { get; } = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    public string Feed => _temp.File("feed");

    public async Task InitializeAsync()
    {
        foreach (var project in Packed)
        {
            // --no-build: the packages hold exactly what this test run's build produced (the generator included).
            await using var pack = ChildProcess.StartDotnet(
                Example.RepositoryRoot, "pack", project, "--no-build", "--nologo", "-c", Example.Configuration, "-o", Feed, $"-p:Version={Version}");
            (await pack.WaitForExitAsync()).ShouldBe(0, pack.Transcript());
        }
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Writes a new console project named <paramref name="name"/> referencing <c>DeclarativeScrape.Hosting</c> (and
    /// through it <c>DeclarativeScrape</c>) from the feed, with warnings as errors, and <paramref name="program"/> as
    /// its <c>Program.cs</c>.
    /// </summary>
    /// <returns>The project's directory.</returns>
    public string CreateConsumer(string name, string program)
    {
        var directory = Directory.CreateDirectory(_temp.File(name)).FullName;
        // The machine's package folder is a fallback (AngleSharp, Polly and the rest restore from it, or from
        // nuget.org when missing); DeclarativeScrape's own packages land in the project's folder, never the machine's.
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="declarativescrape-test-feed" value="{Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{machinePackages}" />
              </fallbackPackageFolders>
              <config>
                <add key="globalPackagesFolder" value="packages" />
              </config>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
                <UseSharedCompilation>false</UseSharedCompilation>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DeclarativeScrape.Hosting" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        return directory;
    }
}
