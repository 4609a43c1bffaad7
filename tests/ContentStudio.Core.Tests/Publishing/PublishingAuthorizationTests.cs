using static ContentStudio.Testing.People;
using ContentStudio.Testing;
using ContentStudio.Core.Data;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Publishing;

/// <summary>The role rules of publishing are enforced in Core, before anything is read: the services here sit on a
/// database factory that fails the test if it is ever asked for a context, so a denial provably touched nothing and
/// an allowed call is recognisable by reaching the database.</summary>
public class PublishingAuthorizationTests
{
    private sealed class ReachedDatabase() : Exception("the call got past the role check and asked for a database context");

    private sealed class NoDatabase : IDbContextFactory<StudioDbContext>
    {
        public StudioDbContext CreateDbContext() => throw new ReachedDatabase();
    }

    private sealed class NoApprovals : IApprovalEvidenceSource
    {
        public Task<ApprovalEvidence?> GetAsync(Guid variantId, CancellationToken cancellationToken) => Task.FromResult<ApprovalEvidence?>(null);
    }

    private static readonly IOptions<PublishingOptions> Options = Microsoft.Extensions.Options.Options.Create(new PublishingOptions { ExportRoot = "exports" });
    private static PublishTargets Targets() => new(new NoDatabase(), Options, TimeProvider.System, Audit());
    private static PublishingService Service() =>
        new(new NoDatabase(), new NoApprovals(), Audit(), Options, TimeProvider.System);

    /// <summary>Never used: the role check comes first. Its key and anchor would live in a temp folder.</summary>
    private static Core.Audit.AuditLog Audit()
    {
        var paths = new Core.Configuration.StudioPaths(
            Microsoft.Extensions.Options.Options.Create(new Core.Configuration.StudioOptions { DataPath = Path.GetTempPath() }));
        var audit = Microsoft.Extensions.Options.Options.Create(new Core.Audit.AuditOptions());
        var keys = new Core.Audit.AuditChainKey(audit, paths);
        return new(new NoDatabase(), TimeProvider.System, keys, new Core.Audit.AuditAnchor(new NoDatabase(), keys, audit, paths, TimeProvider.System));
    }

    public static TheoryData<StudioUser> NotAdmins => new()
    {
        People.Maria,
        People.Bree,
        People.Pete,
        new StudioUser("nobody@example.com", "Nobody"),
        new StudioUser("multi@example.com", "Multi", StudioRoles.Marketer, StudioRoles.BrandManager, StudioRoles.PromptEngineer),
        StudioUser.Anonymous,
    };

    [Theory]
    [MemberData(nameof(NotAdmins))]
    public async Task OnlyAnAdminMayAddAWebhookTarget(StudioUser user)
    {
        var e = await Should.ThrowAsync<AccessDeniedException>(() => Targets().AddWebhookAsync("partner-hook", "https://hooks.example/in", user));
        ShouldNameUserActionAndRole(e, user, "add webhook target 'partner-hook'");
    }

    [Theory]
    [MemberData(nameof(NotAdmins))]
    public async Task OnlyAnAdminMayAddAFileExportTarget(StudioUser user)
    {
        var e = await Should.ThrowAsync<AccessDeniedException>(() => Targets().AddFileExportAsync("archive", "partner/feed", user));
        ShouldNameUserActionAndRole(e, user, "add file-export target 'archive'");
    }

    [Theory]
    [MemberData(nameof(NotAdmins))]
    public async Task OnlyAnAdminMayEnableOrDisableATarget(StudioUser user)
    {
        var id = Guid.NewGuid();
        ShouldNameUserActionAndRole(await Should.ThrowAsync<AccessDeniedException>(() => Targets().SetEnabledAsync(id, false, user)),
            user, $"disable publish target {id}");
        ShouldNameUserActionAndRole(await Should.ThrowAsync<AccessDeniedException>(() => Targets().SetEnabledAsync(id, true, user)),
            user, $"enable publish target {id}");
    }

    [Fact]
    public async Task AnAdminGetsPastTheRoleCheckOfEveryTargetChange()
    {
        await Should.ThrowAsync<ReachedDatabase>(() => Targets().AddFileExportAsync("archive", "partner/feed", Ada));
        await Should.ThrowAsync<ReachedDatabase>(() => Targets().SetEnabledAsync(Guid.NewGuid(), false, Ada));
    }

    [Fact]
    public void TheRoleMessageSaysWhatTheUserHas()
    {
        var e = Should.Throw<AccessDeniedException>(() => Access.Demand(
            new StudioUser("bree@example.com", "Bree", StudioRoles.BrandManager, StudioRoles.Marketer), StudioPermission.ManagePublishTargets,
            "add webhook target 'x'"));
        e.Message.ShouldBe("bree@example.com may not add webhook target 'x': that needs the role Admin (has BrandManager, Marketer).");
        Should.Throw<AccessDeniedException>(() => Access.Demand(null, StudioPermission.ManagePublishTargets, "add webhook target 'x'"))
            .Message.ShouldBe("Sign in to add webhook target 'x'.");
    }

    public static TheoryData<StudioUser> MayNotPublish => new()
    {
        People.Maria,
        People.Pete,
        new StudioUser("nobody@example.com", "Nobody"),
        StudioUser.Anonymous,
    };

    [Theory]
    [MemberData(nameof(MayNotPublish))]
    public async Task OnlyABrandManagerOrAnAdminMayPublishNowOrSchedule(StudioUser user)
    {
        var now = await Should.ThrowAsync<AccessDeniedException>(() => Service().PublishAsync([Guid.NewGuid()], Guid.NewGuid(), user));
        now.Permission.ShouldBe(StudioPermission.PublishVariant);
        var later = await Should.ThrowAsync<AccessDeniedException>(() =>
            Service().PublishAsync([Guid.NewGuid()], Guid.NewGuid(), user, DateTime.UtcNow.AddDays(1)));
        later.Permission.ShouldBe(StudioPermission.ScheduleVariant);
        if (user.IsAuthenticated)
        {
            now.Message.ShouldBe($"{user.Id} may not publish a variant: that needs the role BrandManager or Admin " +
                                 $"(has {(user.Roles.Count == 0 ? "no roles" : string.Join(", ", user.Roles))}).");
            later.Message.ShouldContain($"{user.Id} may not schedule a variant: that needs the role BrandManager or Admin");
        }
        else now.Message.ShouldBe("Sign in to publish a variant.");
    }

    [Theory]
    [InlineData(StudioRoles.BrandManager)]
    [InlineData(StudioRoles.Admin)]
    public async Task BrandManagersAndAdminsGetPastThePublishRoleCheck(string role)
    {
        var user = new StudioUser("someone@example.com", "Someone", role);
        await Should.ThrowAsync<ReachedDatabase>(() => Service().PublishAsync([Guid.NewGuid()], Guid.NewGuid(), user));
        await Should.ThrowAsync<ReachedDatabase>(() => Service().PublishAsync([Guid.NewGuid()], Guid.NewGuid(), user, DateTime.UtcNow.AddDays(1)));
    }

    private static void ShouldNameUserActionAndRole(AccessDeniedException e, StudioUser user, string action)
    {
        e.Permission.ShouldBe(StudioPermission.ManagePublishTargets);
        if (!user.IsAuthenticated) { e.Message.ShouldBe($"Sign in to {action}."); return; }
        e.Message.ShouldContain($"{user.Id} may not {action}");
        e.Message.ShouldContain("needs the role Admin");
    }
}
