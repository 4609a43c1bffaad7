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
    public void AWebhookAnchorNeedsHttpsAndASecret()
    {
        const string secret = "a-webhook-secret-0123";
        Errors(new AuditOptions { AnchorWebhookUrl = "https://anchors.example.com/head", AnchorWebhookSecret = secret }).ShouldBeEmpty();
        Errors(new AuditOptions { AnchorWebhookUrl = "http://127.0.0.1:5000/head", AnchorWebhookSecret = secret }).ShouldBeEmpty();
        Errors(new AuditOptions { AnchorWebhookUrl = "http://anchors.example.com/head", AnchorWebhookSecret = secret }).ShouldBe(
            ["Audit:AnchorWebhookUrl must use https (got 'http://anchors.example.com/head'); plain http is allowed only to a loopback address"]);
        Errors(new AuditOptions { AnchorWebhookUrl = "anchors.example.com", AnchorWebhookSecret = secret }).ShouldBe(
            ["Audit:AnchorWebhookUrl must be an absolute https URL (got 'anchors.example.com')"]);
        Errors(new AuditOptions { AnchorWebhookUrl = "https://anchors.example.com/head" }).ShouldBe(
            ["Audit:AnchorWebhookSecret must be at least 16 characters when Audit:AnchorWebhookUrl is set (got 0); " +
             "set the environment variable Audit__AnchorWebhookSecret or use user-secrets"]);
    }

    [Fact]
    public void RejectsAWebhookSecretStoredInASettingsFile()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            const string secret = "a-webhook-secret-0123";
            File.WriteAllText(Path.Combine(dir.FullName, "appsettings.json"), $$"""{ "Audit": { "AnchorWebhookSecret": "{{secret}}" } }""");
            var committed = new ConfigurationBuilder().SetBasePath(dir.FullName).AddJsonFile("appsettings.json").Build();

            Errors(new AuditOptions { AnchorWebhookUrl = "https://anchors.example.com/head", AnchorWebhookSecret = secret }, committed).Single()
                .ShouldBe("Audit:AnchorWebhookSecret must not be stored in appsettings.json: remove it there and set the environment variable " +
                          "Audit__AnchorWebhookSecret or use user-secrets");
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void KeepsTheKeyOutOfToString()
    {
        var text = new AuditOptions { ChainKey = "a-chain-key-of-more-than-32-characters", AnchorWebhookSecret = "a-webhook-secret-0123" }.ToString();
        text.ShouldNotContain("a-chain-key");
        text.ShouldNotContain("a-webhook-secret");
        text.ShouldContain("ChainKey=(set)");
    }
}
