namespace DeclarativeScrape.Generators.Tests;

public sealed class GeneratorAssemblyTests
{
    [Fact]
    public void Generator_assembly_targets_netstandard20()
    {
        var framework = typeof(DeclarativeScrape.Generators.AssemblyMarker).Assembly
            .GetCustomAttributes(typeof(System.Runtime.Versioning.TargetFrameworkAttribute), false)
            .Cast<System.Runtime.Versioning.TargetFrameworkAttribute>().Single();
        framework.FrameworkName.ShouldBe(".NETStandard,Version=v2.0");
    }
}
