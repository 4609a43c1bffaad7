using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Identity;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Identity;

/// <summary>UserAdmin's account changes on real stores (SQLite and PostgreSQL): each is audited in its own transaction
/// with the change, passwords go through Identity's validators with messages by field, and a disabled account cannot
/// sign in while the last enabled Admin and the acting Admin cannot be disabled.</summary>
public abstract class AccountManagementTests : StudioTests
{
    private static readonly StudioUser Root = new("root", "Root", StudioRoles.Admin);
    private const string Pw = "Correct-horse-9";

    protected override void ConfigureServices(IServiceCollection services) => services.AddStudioIdentity();

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Studio.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<UserAdminResult> CreateAsync(string name, params string[] roles) =>
        WithAsync(s => s.GetRequiredService<UserAdmin>().CreateUserAsync(Root, name, null, Pw, roles));

    private Task<PasswordSignInResult> SignInAsync(string name, string password) =>
        WithAsync(s => s.GetRequiredService<PasswordSignIn>().SignInAsync(name, password, "test", "here"));

    private async Task<List<AuditEvent>> EventsAsync()
    {
        await using var db = Studio.Db();
        return await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    [Fact]
    public async Task CreatingAUserAndChangingRolesAreAuditedAndARefusedChangeLeavesNoEvent()
    {
        (await CreateAsync("root", StudioRoles.Admin)).Succeeded.ShouldBeTrue();
        (await CreateAsync("mia", StudioRoles.Marketer)).Succeeded.ShouldBeTrue();
        (await WithAsync(s => s.GetRequiredService<UserAdmin>().SetRolesAsync(Root, "mia", [StudioRoles.Marketer, StudioRoles.BrandManager])))
            .Succeeded.ShouldBeTrue();
        (await CreateAsync("weak-one", "Boss")).Succeeded.ShouldBeFalse();
        (await WithAsync(s => s.GetRequiredService<UserAdmin>().SetRolesAsync(Root, "mia", [StudioRoles.BrandManager, StudioRoles.Marketer])))
            .Succeeded.ShouldBeTrue(); // the same roles: nothing changes, nothing recorded

        var events = await EventsAsync();
        events.Select(e => (e.Actor, e.Action, e.EntityId)).ShouldBe([
            ("root", AuditActions.UserCreated, "root"), ("root", AuditActions.UserCreated, "mia"), ("root", AuditActions.UserRolesChanged, "mia")]);
        events[2].DataJson.ShouldBe("""{"from":["Marketer"],"to":["Marketer","BrandManager"]}""");
        (await Studio.Get<AuditVerifier>().VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task AUserChangesTheirOwnPasswordAndEveryMistakeIsNamedByField()
    {
        await CreateAsync("mia", StudioRoles.Marketer);
        var mia = new StudioUser("mia", "Mia", StudioRoles.Marketer);
        Task<UserAdminResult> Change(string current, string next) => WithAsync(s => s.GetRequiredService<UserAdmin>().ChangeOwnPasswordAsync(mia, current, next));

        (await Change("Wrong-horse-9", "Better-horse-10")).Errors.ShouldBe([
            new UserAdminError("currentPassword", "The current password is wrong: type the password you sign in with now.")]);
        var weak = await Change(Pw, "short");
        weak.Errors.ShouldAllBe(e => e.Field == "newPassword");
        weak.Errors.ShouldContain(e => e.Message.Contains("at least 10 characters"));
        (await Change("", "")).Errors.Select(e => e.Field).ShouldBe(["currentPassword", "newPassword"]);
        (await Change(Pw, Pw)).Errors.ShouldHaveSingleItem().Message.ShouldContain("same as the current one");
        await Should.ThrowAsync<AccessDeniedException>(() =>
            WithAsync(s => s.GetRequiredService<UserAdmin>().ChangeOwnPasswordAsync(StudioUser.Anonymous, Pw, "Better-horse-10")));

        (await Change(Pw, "Better-horse-10")).Succeeded.ShouldBeTrue();
        (await SignInAsync("mia", Pw)).Succeeded.ShouldBeFalse();
        (await SignInAsync("mia", "Better-horse-10")).Succeeded.ShouldBeTrue();
        var changed = (await EventsAsync()).Where(e => e.Action == AuditActions.UserPasswordChanged).ShouldHaveSingleItem();
        (changed.Actor, changed.EntityId).ShouldBe(("mia", "mia"));
        changed.DataJson.ShouldNotContain("horse");
    }

    [Fact]
    public async Task AnAdminResetsAPasswordWithOneTheStudioGeneratesOrOneTheyChoose()
    {
        await CreateAsync("mia", StudioRoles.Marketer);
        var generated = await WithAsync(s => s.GetRequiredService<UserAdmin>().ResetPasswordAsync(Root, "mia"));
        generated.Succeeded.ShouldBeTrue(generated.Result.ToString());
        var password = generated.GeneratedPassword.ShouldNotBeNull();
        password.Length.ShouldBe(20);
        (await SignInAsync("mia", Pw)).Succeeded.ShouldBeFalse();
        (await SignInAsync("mia", password)).Succeeded.ShouldBeTrue();

        var chosen = await WithAsync(s => s.GetRequiredService<UserAdmin>().ResetPasswordAsync(Root, "mia", "Chosen-horse-11"));
        chosen.GeneratedPassword.ShouldBeNull();
        (await SignInAsync("mia", "Chosen-horse-11")).Succeeded.ShouldBeTrue();
        (await WithAsync(s => s.GetRequiredService<UserAdmin>().ResetPasswordAsync(Root, "mia", "short"))).Result.Errors
            .ShouldAllBe(e => e.Field == "password");
        (await WithAsync(s => s.GetRequiredService<UserAdmin>().ResetPasswordAsync(Root, "nobody"))).Result.Errors.ShouldHaveSingleItem()
            .Message.ShouldContain("no user 'nobody'");
        await Should.ThrowAsync<AccessDeniedException>(() =>
            WithAsync(s => s.GetRequiredService<UserAdmin>().ResetPasswordAsync(new StudioUser("mia", "Mia", StudioRoles.Marketer), "root")));

        var resets = (await EventsAsync()).Where(e => e.Action == AuditActions.UserPasswordReset).ToList();
        resets.Select(e => e.DataJson).ShouldBe(["""{"generated":true}""", """{"generated":false}"""]);
        resets.ShouldAllBe(e => e.Actor == "root" && e.EntityId == "mia" && !e.DataJson.Contains(password));
    }

    [Fact]
    public async Task ADisabledUserCannotSignInUntilEnabledAndTheirSessionStampChanges()
    {
        await CreateAsync("root", StudioRoles.Admin);
        await CreateAsync("mia", StudioRoles.Marketer);
        var stampBefore = await WithAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<StudioIdentityUser>>();
            return await users.GetSecurityStampAsync((await users.FindByNameAsync("mia"))!);
        });

        (await WithAsync(s => s.GetRequiredService<UserAdmin>().SetDisabledAsync(Root, "mia", true))).Succeeded.ShouldBeTrue();
        var refused = await SignInAsync("mia", Pw);
        (refused.FailureReason, refused.Message).ShouldBe((SignInFailureReasons.Disabled, "This account is disabled. Ask an Admin to enable it."));
        (await WithAsync(s => s.GetRequiredService<UserAdmin>().ListAsync())).Single(u => u.UserName == "mia").Disabled.ShouldBeTrue();
        var stampAfter = await WithAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<StudioIdentityUser>>();
            return await users.GetSecurityStampAsync((await users.FindByNameAsync("mia"))!);
        });
        stampAfter.ShouldNotBe(stampBefore, "open sessions end at their next check");
        // Even the right password after many tries stays "disabled", not a five-minute lock that lifts by itself.
        for (var i = 0; i < 6; i++) await SignInAsync("mia", "Wrong-horse-9");
        (await SignInAsync("mia", Pw)).FailureReason.ShouldBe(SignInFailureReasons.Disabled);

        (await WithAsync(s => s.GetRequiredService<UserAdmin>().SetDisabledAsync(Root, "mia", false))).Succeeded.ShouldBeTrue();
        (await SignInAsync("mia", Pw)).Succeeded.ShouldBeTrue();
        (await EventsAsync()).Where(e => e.Action is AuditActions.UserDisabled or AuditActions.UserEnabled)
            .Select(e => (e.Actor, e.Action, e.EntityId)).ShouldBe([("root", AuditActions.UserDisabled, "mia"), ("root", AuditActions.UserEnabled, "mia")]);
    }

    [Fact]
    public async Task AnAdminCannotDisableThemselvesNorTheLastEnabledAdmin()
    {
        await CreateAsync("root", StudioRoles.Admin);
        await CreateAsync("ada", StudioRoles.Admin);
        Task<UserAdminResult> Disable(StudioUser actor, string who) => WithAsync(s => s.GetRequiredService<UserAdmin>().SetDisabledAsync(actor, who, true));

        (await Disable(Root, "root")).Errors.ShouldHaveSingleItem().Message.ShouldContain("cannot disable your own account");
        (await Disable(Root, "ada")).Succeeded.ShouldBeTrue();
        // ada is disabled, so root is the last enabled Admin: an operator (CLI) may not disable root either.
        (await Disable(StudioUser.Operator("ops"), "root")).Errors.ShouldHaveSingleItem().Message.ShouldContain("only enabled Admin");
        await Should.ThrowAsync<AccessDeniedException>(() => Disable(new StudioUser("mia", "Mia", StudioRoles.Marketer), "root"));
        (await WithAsync(s => s.GetRequiredService<UserAdmin>().ListAsync())).Single(u => u.UserName == "root").Disabled.ShouldBeFalse();
    }

    [Fact]
    public async Task SignInsAreAuditedBothWays()
    {
        await CreateAsync("mia", StudioRoles.Marketer);
        await SignInAsync("mia", Pw);
        await SignInAsync("mia", "Wrong-horse-9");
        (await EventsAsync()).Where(e => e.Action.StartsWith("auth.")).Select(e => (e.Actor, e.Action)).ShouldBe([
            ("mia", AuditActions.SignedIn), ("mia", AuditActions.SignInFailed)]);
    }
}

public sealed class SqliteAccountManagementTests : AccountManagementTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAccountManagementTests(PostgresServer server) : AccountManagementTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresAccountManagementTests));
}
