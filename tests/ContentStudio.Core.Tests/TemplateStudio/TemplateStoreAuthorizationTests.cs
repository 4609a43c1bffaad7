using ContentStudio.Core.Configuration;
using ContentStudio.Core.Identity;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Core.Review;
using ContentStudio.Core.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.Tests.TemplateStudio;

/// <summary>TemplateStore saves, imports, releases and rolls back only for a PromptEngineer or an Admin, whoever calls
/// it (page, CLI or anything else), and records the user's sign-in name. Every role and anonymous, on a real database.</summary>
public sealed class TemplateStoreAuthorizationTests : IAsyncLifetime
{
    private const string Why = "Released in a test of who may release.";
    private static readonly StudioUser Engineer = new("pe@example.com", "Pe", StudioRoles.PromptEngineer);
    private SqliteStudio _db = null!;
    private TemplateStore _store = null!;
    private readonly string _email = File.ReadAllText(Path.Combine(RepoPaths.Resolve("prompts", AppContext.BaseDirectory), "email.prompt.md"));

    public async Task InitializeAsync()
    {
        _db = await SqliteStudio.StartAsync();
        _store = new TemplateStore(_db.Factory, TimeProvider.System, Options.Create(new TemplateGateOptions()));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string> Everyone() => SqliteStudio.Everyone();

    private static bool MayChangeTemplates(string who) => who is StudioRoles.PromptEngineer or StudioRoles.Admin;

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task SavingAVersion(string who)
    {
        var user = SqliteStudio.User(who);
        if (MayChangeTemplates(who))
            (await _store.SaveVersionAsync("email", _email, user)).Version!.CreatedBy.ShouldBe(user.Id);
        else
            await Should.ThrowAsync<AccessDeniedException>(() => _store.SaveVersionAsync("email", _email, user));
        (await VersionsAsync()).ShouldBe(MayChangeTemplates(who) ? 1 : 0);
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task ImportingAFolder(string who)
    {
        var user = SqliteStudio.User(who);
        var folder = Directory.CreateTempSubdirectory("cs-import-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "email.prompt.md"), _email);
        try
        {
            if (MayChangeTemplates(who))
                (await _store.ImportAsync(folder, user)).ShouldHaveSingleItem().Result.Version!.CreatedBy.ShouldBe(user.Id);
            else
                await Should.ThrowAsync<AccessDeniedException>(() => _store.ImportAsync(folder, user));
        }
        finally { Directory.Delete(folder, recursive: true); }
        (await VersionsAsync()).ShouldBe(MayChangeTemplates(who) ? 1 : 0);
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task ReleasingAVersion(string who)
    {
        var user = SqliteStudio.User(who);
        var version = (await _store.SaveVersionAsync("email", _email, Engineer)).Version!;
        if (MayChangeTemplates(who))
            (await _store.ReleaseAsync(version.Id, user, Why)).ReleasedBy.ShouldBe(user.Id);
        else
        {
            var refused = await Should.ThrowAsync<AccessDeniedException>(() => _store.ReleaseAsync(version.Id, user, Why));
            refused.Message.ShouldContain("release or roll back prompt templates");
        }
        await using var db = await _db.Factory.CreateDbContextAsync();
        (await db.PromptReleaseEvents.Select(e => e.User).ToListAsync()).ShouldBe(MayChangeTemplates(who) ? [user.Id] : []);
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task RollingBack(string who)
    {
        var user = SqliteStudio.User(who);
        var v1 = (await _store.SaveVersionAsync("email", _email, Engineer)).Version!;
        await _store.ReleaseAsync(v1.Id, Engineer, Why);
        var v2 = (await _store.SaveVersionAsync("email", _email.Replace("You are a senior copywriter", "Be brief. You are a senior copywriter"), Engineer)).Version!;
        await _store.ReleaseAsync(v2.Id, Engineer, Why);

        if (MayChangeTemplates(who))
            (await _store.RollbackAsync("email", v1.Id, user, "the new version broke the subject lines")).ReleasedBy.ShouldBe(user.Id);
        else
            await Should.ThrowAsync<AccessDeniedException>(() => _store.RollbackAsync("email", v1.Id, user, "the new version broke the subject lines"));
        (await _store.FindAsync("email", "released"))!.Id.ShouldBe(MayChangeTemplates(who) ? v1.Id : v2.Id);
    }

    private async Task<int> VersionsAsync()
    {
        await using var db = await _db.Factory.CreateDbContextAsync();
        return await db.PromptTemplateVersions.CountAsync();
    }
}
