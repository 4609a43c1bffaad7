using ContentStudio.Core.Identity;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Core.Tests.Identity;
using ContentStudio.Core.Tests.Prompts;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.TemplateStudio;

/// <summary>Saving a version goes through the parser's size bound: nothing over it is stored, on a real database.</summary>
public sealed class TemplateStoreLimitTests : IAsyncLifetime
{
    private static readonly StudioUser Engineer = new("pe@example.com", "Pe", StudioRoles.PromptEngineer);
    private SqliteStudio _db = null!;
    private TemplateStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await SqliteStudio.StartAsync();
        _store = new TemplateStore(_db.Factory, TimeProvider.System, Options.Create(new TemplateGateOptions()));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static string Big(int length) => PromptTemplateLimitTests.TemplateOf(length, "name: big\nchannel: push");

    [Fact]
    public async Task SavesATemplateAtTheLimit() =>
        (await _store.SaveVersionAsync("big", Big(PromptTemplateParser.MaxFileLength), Engineer)).Version.ShouldNotBeNull();

    [Fact]
    public async Task RefusesATemplateOverTheLimitAndStoresNothing()
    {
        var result = await _store.SaveVersionAsync("big", Big(PromptTemplateParser.MaxFileLength + 1), Engineer);
        result.Version.ShouldBeNull();
        result.Errors.Single().Message.ShouldContain("the limit is 131,072");
        (await _store.ListAsync()).ShouldBeEmpty();
    }
}
