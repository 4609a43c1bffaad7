using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Identity;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Identity;

/// <summary>The hand-written Identity migration against the model EF builds for IdentityDbContext, and UserAdmin over
/// real stores, once on SQLite and once on PostgreSQL.</summary>
public abstract class IdentityStorageTests : StudioTests
{
    private static readonly StudioUser Admin = StudioUser.Operator("test");

    private readonly CapturingLoggerProvider _logs = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddStudioIdentity();
        services.AddSingleton<ILoggerProvider>(_logs);
    }

    [Fact]
    public async Task MigratedDatabaseHasEveryColumnOfEveryIdentityTableInTheModel()
    {
        await using var db = Studio.Db();
        var tables = db.Model.GetEntityTypes().Where(e => e.GetTableName()!.StartsWith("AspNet", StringComparison.Ordinal)).ToList();
        tables.Count.ShouldBe(7);
        foreach (var entity in tables)
        {
            var columns = string.Join(", ", entity.GetProperties().Select(p => $"\"{p.GetColumnName()}\""));
            // Throws (naming the column) when the migration missed one. Names come from the model, not from input.
            var sql = "SELECT " + columns + " FROM \"" + entity.GetTableName() + "\" WHERE 1 = 0";
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    [Fact]
    public async Task CreatesUserWithRolesAndFindsItByName()
    {
        await using var scope = Studio.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        var result = await admin.CreateUserAsync(Admin, "maria", "Maria Rossi", "Correct-horse-9", ["marketer", "BrandManager"]);
        result.Succeeded.ShouldBeTrue(result.ToString());

        await using var other = Studio.Services.CreateAsyncScope();
        var users = other.ServiceProvider.GetRequiredService<UserManager<StudioIdentityUser>>();
        var found = await users.FindByNameAsync("MARIA");
        found.ShouldNotBeNull().DisplayName.ShouldBe("Maria Rossi");
        (await users.CheckPasswordAsync(found, "Correct-horse-9")).ShouldBeTrue();
        (await users.GetRolesAsync(found)).OrderBy(r => r).ShouldBe([StudioRoles.BrandManager, StudioRoles.Marketer]);
        var listed = await other.ServiceProvider.GetRequiredService<UserAdmin>().ListAsync();
        listed.Single().Roles.ShouldBe([StudioRoles.Marketer, StudioRoles.BrandManager]);
    }

    [Fact]
    public async Task RejectsDuplicateNamesUnknownRolesAndWeakPasswordsNamingTheField()
    {
        await using var scope = Studio.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        (await admin.CreateUserAsync(Admin, "sam", null, "Correct-horse-9", [StudioRoles.Marketer])).Succeeded.ShouldBeTrue();

        var duplicate = await admin.CreateUserAsync(Admin, "Sam", null, "Correct-horse-9", [StudioRoles.Marketer]);
        duplicate.Errors.ShouldContain(e => e.Field == "userName" && e.Message.Contains("already taken"));
        var badRole = await admin.CreateUserAsync(Admin, "ann", null, "Correct-horse-9", ["Boss"]);
        badRole.Errors.ShouldHaveSingleItem().Message.ShouldContain("Unknown role 'Boss'");
        var weak = await admin.CreateUserAsync(Admin, "ann", null, "short", [StudioRoles.Marketer]);
        weak.Errors.ShouldAllBe(e => e.Field == "password");
        weak.Errors.ShouldContain(e => e.Message.Contains("at least 10 characters"));
        var badName = await admin.CreateUserAsync(Admin, "ann smith", null, "Correct-horse-9", [StudioRoles.Marketer]);
        badName.Errors.ShouldHaveSingleItem().ShouldBe(new UserAdminError("userName",
            "User name 'ann smith' is invalid: use letters, digits and - . _ @ + only (no spaces)."));
        (await admin.ListAsync()).Select(u => u.UserName).ShouldBe(["sam"]);
    }

    [Fact]
    public async Task OnlyAnAdminChangesAccountsAndTheLastAdminKeepsTheRole()
    {
        await using var scope = Studio.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        (await admin.CreateUserAsync(Admin, "root", null, "Correct-horse-9", [StudioRoles.Admin])).Succeeded.ShouldBeTrue();
        var marketer = new StudioUser("mia", "mia", StudioRoles.Marketer);
        await Should.ThrowAsync<UnauthorizedAccessException>(() => admin.CreateUserAsync(marketer, "x", null, "Correct-horse-9", [StudioRoles.Admin]));
        await Should.ThrowAsync<UnauthorizedAccessException>(() => admin.SetRolesAsync(marketer, "root", [StudioRoles.Marketer]));

        var demote = await admin.SetRolesAsync(Admin, "root", [StudioRoles.Marketer]);
        demote.Errors.ShouldHaveSingleItem().Message.ShouldContain("only Admin");
        (await admin.SetRolesAsync(Admin, "root", [StudioRoles.Admin, StudioRoles.PromptEngineer])).Succeeded.ShouldBeTrue();
        (await admin.ListAsync()).Single().Roles.ShouldBe([StudioRoles.PromptEngineer, StudioRoles.Admin]);
        (await admin.SetRolesAsync(Admin, "nobody", [StudioRoles.Admin])).Errors.ShouldHaveSingleItem().Message.ShouldContain("no user 'nobody'");
    }

    [Fact]
    public async Task FirstStartCreatesTheAdminFromConfigurationOnlyOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Identity:InitialAdminPassword"] = "First-start-pw-1",
        }).Build();
        (await Studio.Services.EnsureInitialAdminAsync(configuration)).ShouldBeTrue();
        (await Studio.Services.EnsureInitialAdminAsync(configuration)).ShouldBeFalse();

        await using var scope = Studio.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioIdentityUser>>();
        var admin = (await users.FindByNameAsync(InitialAdmin.UserName)).ShouldNotBeNull();
        (await users.CheckPasswordAsync(admin, "First-start-pw-1")).ShouldBeTrue();
        (await users.IsInRoleAsync(admin, StudioRoles.Admin)).ShouldBeTrue();
        (await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().Roles.CountAsync()).ShouldBe(4);
    }

    [Fact]
    public async Task InstancesStartingTogetherCreateOneAdminWithoutFailing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Identity:InitialAdminPassword"] = "First-start-pw-1",
        }).Build();
        var created = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Studio.Services.EnsureInitialAdminAsync(configuration))));
        created.Count(c => c).ShouldBe(1);
        await using var scope = Studio.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<UserAdmin>().ListAsync()).ShouldHaveSingleItem().UserName.ShouldBe("admin");
    }

    [Fact]
    public async Task FirstStartWithoutAPasswordGeneratesOneThatSignsIn()
    {
        (await Studio.Services.EnsureInitialAdminAsync(new ConfigurationBuilder().Build())).ShouldBeTrue();
        await using var scope = Studio.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioIdentityUser>>();
        var admin = (await users.FindByNameAsync(InitialAdmin.UserName)).ShouldNotBeNull();
        var warning = _logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("FIRST START")).ShouldHaveSingleItem();
        var password = warning.Message.Split(' ').Single(w => w.Length == 24);
        (await users.CheckPasswordAsync(admin, password)).ShouldBeTrue("the logged password is the admin's");

        (await Studio.Services.EnsureInitialAdminAsync(new ConfigurationBuilder().Build())).ShouldBeFalse();
        _logs.Entries.Count(e => e.Message.Contains(password)).ShouldBe(1, "the password is shown only once");
    }
}

public sealed class SqliteIdentityStorageTests : IdentityStorageTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresIdentityStorageTests(PostgresServer server) : IdentityStorageTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresIdentityStorageTests));
}
