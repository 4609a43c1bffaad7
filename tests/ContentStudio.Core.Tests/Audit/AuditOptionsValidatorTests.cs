using ContentStudio.Core.Audit;
using Microsoft.Extensions.Configuration;

namespace ContentStudio.Core.Tests.Audit;

public sealed class AuditOptionsValidatorTests
{
    static IReadOnlyList<string> Errors(AuditOptions o, IConfiguration? config = null) =>
        new AuditOptionsValidator(config).Validate(null, o).Failures?.ToList() ?? [];

    [Fact]
    public void AcceptsTheDefaults() => Errors(new AuditOptions()).ShouldBeEmpty();

    [Fact]
    public void RejectsAShortKeyAndNonsenseIntervals()
    {
        var errors = Errors(new AuditOptions { ChainKey = "short", AnchorEveryEvents = 0, AnchorIntervalSeconds = 0, AnchorFile = " " });
        errors.ShouldContain("Audit:ChainKey must be at least 32 characters (got 5); e.g. the output of `openssl rand -base64 32`");
        errors.ShouldContain(e => e.StartsWith("Audit:AnchorEveryEvents"));
        errors.ShouldContain(e => e.StartsWith("Audit:AnchorIntervalSeconds"));
        errors.ShouldContain(e => e.StartsWith("Audit:AnchorFile"));
    }

    [Fact]
    public void RejectsAKeyStoredInASettingsFileButNotInUserSecrets()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            const string key = "a-chain-key-of-more-than-32-characters";
            File.WriteAllText(Path.Combine(dir.FullName, "appsettings.json"), $$"""{ "Audit": { "ChainKey": "{{key}}" } }""");
            File.WriteAllText(Path.Combine(dir.FullName, "secrets.json"), $$"""{ "Audit": { "ChainKey": "{{key}}" } }""");
            var committed = new ConfigurationBuilder().SetBasePath(dir.FullName).AddJsonFile("appsettings.json").Build();
            var secrets = new ConfigurationBuilder().SetBasePath(dir.FullName).AddJsonFile("secrets.json").Build();

            Errors(new AuditOptions { ChainKey = key }, committed).Single()
                .ShouldBe("Audit:ChainKey must not be stored in appsettings.json: remove it there and set the environment variable Audit__ChainKey or use user-secrets");
            Errors(new AuditOptions { ChainKey = key }, secrets).ShouldBeEmpty();
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void KeepsTheKeyOutOfToString()
    {
        var text = new AuditOptions { ChainKey = "a-chain-key-of-more-than-32-characters" }.ToString();
        text.ShouldNotContain("a-chain-key");
        text.ShouldContain("ChainKey=(set)");
    }
}
