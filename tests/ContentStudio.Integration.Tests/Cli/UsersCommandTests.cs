using ContentStudio.Core.Audit;
using ContentStudio.Core.Identity;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>`studio users` as an operator runs it: the built CLI in its own process, on a fresh SQLite file, with no
/// terminal (so passwords must come from the environment). The first user of an empty database may be added without
/// signing in (and must be an Admin); after that only a signed-in Admin adds users.</summary>
public sealed class UsersCommandTests : IDisposable
{
    const string NewPassword = "Correct-horse-9";
    readonly CliWorkspace _workspace = CliWorkspace.Sqlite();

    public UsersCommandTests() => _workspace.Environment["STUDIO_NEW_PASSWORD"] = NewPassword;

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task TheFirstAdminOfAnEmptyDatabaseIsAddedWithoutSigningIn()
    {
        _workspace.SignedIn = false;

        var add = await _workspace.RunAsync("users", "add", "--name", "root", "--role", "Admin", "--role", "BrandManager");

        add.ExitCode.ShouldBe(0, add.ToString());
        add.StdOut.ShouldContain("added root (Admin, BrandManager)");
        var list = await _workspace.RunAsync("users", "list");
        list.StdOut.ShouldContain("root\troot\tBrandManager,Admin");
        // The new admin signs in with the password given for them.
        var again = await _workspace.RunAsAsync("root", NewPassword, "users", "add", "--name", "lena", "--role", "Marketer");
        again.ExitCode.ShouldBe(0, again.ToString());
    }

    [Fact]
    public async Task TheFirstUserMustBeAnAdmin()
    {
        _workspace.SignedIn = false;

        var add = await _workspace.RunAsync("users", "add", "--name", "lena", "--role", "Marketer");

        add.ExitCode.ShouldBe(2, add.ToString());
        add.StdErr.ShouldContain("--role: The first user must have the Admin role");
        await using var db = _workspace.Db();
        (await db.Users.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task OnceAUserExistsAddingWithoutAnIdentityExits2NamingTheVariables()
    {
        await _workspace.EnsureUserAsync();
        _workspace.SignedIn = false;

        var add = await _workspace.RunAsync("users", "add", "--name", "eve", "--role", "Admin");

        add.ExitCode.ShouldBe(2, add.ToString());
        add.StdErr.ShouldContain("Set STUDIO_USER to your user name and STUDIO_PASSWORD to your password");
        await using var db = _workspace.Db();
        (await db.Users.AnyAsync(u => u.UserName == "eve")).ShouldBeFalse();
    }

    [Fact]
    public async Task AMarketerMayNotAddUsersAndTheRefusalIsAudited()
    {
        await _workspace.AddUserAsync("mia", "Mia-password-1", StudioRoles.Marketer);

        var add = await _workspace.RunAsAsync("mia", "Mia-password-1", "users", "add", "--name", "eve", "--role", "Admin");

        add.ExitCode.ShouldBe(3, add.ToString());
        add.StdErr.ShouldContain("mia may not add users or change roles: that needs the role Admin");
        await using var db = _workspace.Db();
        (await db.Users.AnyAsync(u => u.UserName == "eve")).ShouldBeFalse();
        var denied = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.AccessDenied);
        denied.Actor.ShouldBe("mia");
        denied.EntityId.ShouldBe(nameof(StudioPermission.ManageUsers));
    }

    [Fact]
    public async Task ASignedInAdminAddsAUserWithThePasswordFromStudioNewPassword()
    {
        var add = await _workspace.RunAsync("users", "add", "--name", "lena", "--role", "marketer", "--role", "BrandManager", "--display-name", "Lena L");
        add.ExitCode.ShouldBe(0, add.ToString());
        add.StdOut.ShouldContain("added lena (Marketer, BrandManager)");

        var list = await _workspace.RunAsync("users", "list");
        list.ExitCode.ShouldBe(0, list.ToString());
        list.StdOut.ShouldContain("lena\tLena L\tMarketer,BrandManager");
        // STUDIO_NEW_PASSWORD became lena's password, and the operator's STUDIO_PASSWORD stayed the operator's.
        var asLena = await _workspace.RunAsAsync("lena", NewPassword, "generate", "--resume", Guid.Empty.ToString(), "--quiet");
        asLena.StdErr.ShouldContain($"run {Guid.Empty} does not exist", Case.Sensitive, asLena.ToString());
        await using var db = _workspace.Db();
        (await db.AuditEvents.CountAsync(e => e.Action == AuditActions.SignInFailed)).ShouldBe(0);
    }

    [Fact]
    public async Task InvalidInputExits2AndSaysWhatToFix()
    {
        _workspace.Environment["STUDIO_NEW_PASSWORD"] = "short";

        var result = await _workspace.RunAsync("users", "add", "--name", "sam", "--role", "Boss");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain("--role: Unknown role 'Boss'");
        result.StdErr.ShouldContain("password (STUDIO_NEW_PASSWORD or the prompt): Passwords must be at least 10 characters");
        (await _workspace.RunAsync("users", "list")).StdOut.ShouldNotContain("sam");
    }

    [Fact]
    public async Task WithoutANewPasswordAndWithoutATerminalItRefusesWithExit2()
    {
        _workspace.Environment.Remove("STUDIO_NEW_PASSWORD");

        var result = await _workspace.RunAsync("users", "add", "--name", "sam", "--role", "Marketer");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain("set the STUDIO_NEW_PASSWORD environment variable");
    }
}
