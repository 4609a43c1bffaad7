using ContentStudio.Core.TemplateStudio;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Integration.Tests.TemplateStudio;

/// <summary>Saving an invalid version is refused with file:line messages, and nothing is stored.</summary>
public sealed class TemplateValidationTests : IAsyncLifetime
{
    private TemplateStudioHarness _studio = null!;

    public async Task InitializeAsync()
    {
        var (p, cs, cleanup) = TestDatabases.Sqlite();
        _studio = await TemplateStudioHarness.StartAsync(p, cs, cleanup);
    }

    public async Task DisposeAsync() => await _studio.DisposeAsync();

    private async Task<string> RefusedAsync(string text, string name = "email")
    {
        var result = await _studio.Store.SaveVersionAsync(name, text, TemplateStudioHarness.As("editor"), "");
        result.Succeeded.ShouldBeFalse();
        (await _studio.Store.HistoryAsync("email"))!.Versions.Count.ShouldBe(1);
        return string.Join("\n", result.Errors.Where(e => !e.IsWarning));
    }

    [Fact]
    public async Task AFrontMatterErrorIsReportedWithItsLine()
    {
        var errors = await RefusedAsync(_studio.EmailText.Replace("channel: email", "channel: fax"));
        errors.ShouldContain("email.prompt.md:4: unknown channel 'fax'");
    }

    [Fact]
    public async Task AnUndeclaredVariableIsReportedWithItsLine()
    {
        var text = _studio.EmailWith("Mention {{loyaltyTier}}.");
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("{{loyaltyTier}}")) + 1;
        var errors = await RefusedAsync(text);
        errors.ShouldContain($"email.prompt.md:{line}: '{{{{loyaltyTier}}}}' uses 'loyaltyTier', which is not a declared input");
    }

    [Fact]
    public async Task OutputFieldsThatDoNotMatchTheChannelAreRefused()
    {
        var errors = await RefusedAsync(_studio.EmailText.Replace("output: [subject, preheader, body, cta]", "output: [subject, preheader, body, button]"));
        errors.ShouldContain("output field 'button' is not a field of channel 'email'");
        errors.ShouldContain("output is missing 'cta', which channel 'email' requires");
    }

    [Fact]
    public async Task ANameThatDiffersFromTheTemplateIsRefused()
    {
        var errors = await RefusedAsync(_studio.EmailText.Replace("name: email", "name: newsletter"));
        errors.ShouldContain("email.prompt.md:2: the file says name 'newsletter' but it is saved as template 'email'");
    }
}
