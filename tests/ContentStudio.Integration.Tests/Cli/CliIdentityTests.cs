using ContentStudio.Core.Audit;
using ContentStudio.Core.Identity;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>Every CLI verb that changes data needs a signed-in user with a role that may: STUDIO_USER and
/// STUDIO_PASSWORD, checked through Identity. No identity: exit 2 naming the variables. Wrong password or a role that
/// may not: exit 3 with Core's reason, and the attempt lands in the audit log. What is done records the user's name.</summary>
public sealed class CliIdentityTests : IDisposable
{
    const string MarketerPassword = "Mia-password-1", EngineerPassword = "Pat-password-1", ManagerPassword = "Bea-password-1";
    readonly CliWorkspace _workspace = CliWorkspace.Sqlite();

    public CliIdentityTests() => _workspace.Environment["Llm__Provider"] = "Offline";

    public void Dispose() => _workspace.Dispose();

    /// <summary>Each data-changing verb with arguments that would otherwise be accepted.</summary>
    public static TheoryData<string> DataChangingVerbs() =>
    [
        "generate --brief {brief} --quiet",
        "prompts release --template email --version 1 --justification {why}",
        "prompts rollback --template email --to 1 --reason {why}",
        "prompts import --from {folder}",
        "prompts eval --template email --candidate 1",
        "publish run --once",
        "users add --name eve --role Admin",
    ];

    [Theory]
    [MemberData(nameof(DataChangingVerbs))]
    public async Task EachDataChangingVerbWithoutAnIdentityExits2NamingTheVariables(string command)
    {
        await _workspace.EnsureUserAsync(); // a database with users: `users add` is no bootstrap here
        _workspace.Environment["STUDIO_NEW_PASSWORD"] = "Eve-password-1";

        var result = await _workspace.RunAsAsync(null, null, Args(command));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain("sign in first", Case.Sensitive, result.ToString());
        result.StdErr.ShouldContain("Set STUDIO_USER to your user name and STUDIO_PASSWORD to your password", Case.Sensitive, result.ToString());
        await using var db = _workspace.Db();
        (await db.Campaigns.CountAsync()).ShouldBe(0);
        (await db.PromptReleaseEvents.CountAsync(e => e.Kind != Core.TemplateStudio.ReleaseKind.Seed)).ShouldBe(0);
        (await db.PromptTemplateVersions.CountAsync(v => v.CreatedBy != "seed")).ShouldBe(0);
        (await db.PromptEvaluations.CountAsync()).ShouldBe(0);
        (await db.Users.CountAsync()).ShouldBe(1);
    }

    [Theory]
    [InlineData("cli-tester")] // a real user, a wrong password
    [InlineData("nobody")]     // no such user: the same answer, so names cannot be probed
    public async Task AWrongPasswordExits3AndIsAuditedAsAFailedSignIn(string user)
    {
        await _workspace.EnsureUserAsync();

        var result = await _workspace.RunAsAsync(user, "not-the-password", "generate", "--brief", CliWorkspace.SampleBrief, "--quiet");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.StdErr.ShouldContain($"sign-in as {user} failed: Wrong user name or password.", Case.Sensitive, result.ToString());
        await using var db = _workspace.Db();
        (await db.Campaigns.CountAsync()).ShouldBe(0);
        var failed = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.SignInFailed);
        failed.Actor.ShouldBe(user);
        failed.EntityId.ShouldBe(user);
        failed.DataJson.ShouldContain("\"reason\":\"invalid\"");
        failed.DataJson.ShouldContain("\"via\":\"cli\"");
        failed.DataJson.ShouldNotContain("not-the-password");
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenForTheRightOne()
    {
        await _workspace.EnsureUserAsync();
        for (var i = 0; i < 5; i++)
            (await _workspace.RunAsAsync(CliWorkspace.UserName, "wrong-password", "prompts", "eval", "--template", "email", "--candidate", "1")).ExitCode.ShouldBe(3);

        var result = await _workspace.RunAsync("prompts", "eval", "--template", "email", "--candidate", "1");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.StdErr.ShouldContain("this account is locked for 5 minutes", Case.Sensitive, result.ToString());
        await using var db = _workspace.Db();
        (await db.AuditEvents.CountAsync(e => e.Action == AuditActions.SignInFailed && e.Actor == CliWorkspace.UserName)).ShouldBe(6);
        (await db.PromptEvaluations.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("mia", "prompts release --template email --version 1 --justification {why}", "mia may not release or roll back prompt templates: that needs the role PromptEngineer or Admin (has Marketer)")]
    [InlineData("mia", "prompts import --from {folder}", "mia may not save or import prompt template versions: that needs the role PromptEngineer or Admin")]
    [InlineData("mia", "publish run --once", "mia may not run the publishing dispatcher: that needs the role BrandManager or Admin")]
    [InlineData("pat", "generate --brief {brief} --quiet", "pat may not create campaigns and start or cancel generation runs: that needs the role Marketer, BrandManager or Admin (has PromptEngineer)")]
    [InlineData("bea", "prompts eval --template email --candidate 1", "bea may not evaluate prompt templates: that needs the role PromptEngineer or Admin")]
    public async Task ARoleThatMayNotExits3WithCoresReasonAndIsAudited(string user, string command, string reason)
    {
        await AddTeamAsync();

        var result = await _workspace.RunAsAsync(user, PasswordOf(user), Args(command));

        result.ExitCode.ShouldBe(3, result.ToString());
        result.StdErr.ShouldContain(reason, Case.Sensitive, result.ToString());
        await using var db = _workspace.Db();
        var denied = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.AccessDenied);
        denied.Actor.ShouldBe(user);
        denied.DataJson.ShouldContain("\"via\":\"cli\"");
        (await db.Campaigns.CountAsync()).ShouldBe(0);
        (await db.PromptTemplateVersions.CountAsync(v => v.CreatedBy != "seed")).ShouldBe(0);
        (await db.PromptReleaseEvents.CountAsync(e => e.Kind != Core.TemplateStudio.ReleaseKind.Seed)).ShouldBe(0);
    }

    [Fact]
    public async Task AMarketersGenerationRecordsTheMarketerAsCreator()
    {
        await AddTeamAsync();
        var brief = _workspace.WriteFile("brief-small.json", CrashScenario.SmallBrief(segments: 1, channels: 1));

        var result = await _workspace.RunAsAsync("mia", MarketerPassword, "generate", "--brief", brief, "--quiet");

        result.ExitCode.ShouldBe(0, result.ToString());
        await using var db = _workspace.Db();
        (await db.Campaigns.SingleAsync()).CreatedBy.ShouldBe("mia");
        (await db.GenerationRuns.SingleAsync()).CreatedBy.ShouldBe("mia");
    }

    [Fact]
    public async Task APromptEngineersImportReleaseAndRollbackRecordThePromptEngineer()
    {
        await AddTeamAsync();
        var folder = ChangedEmailFolder();

        var import = await _workspace.RunAsAsync("pat", EngineerPassword, "prompts", "import", "--from", folder);
        var release = await _workspace.RunAsAsync("pat", EngineerPassword, "prompts", "release", "--template", "email", "--version", "2",
            "--justification", "Shorter system prompt agreed with the brand team.");
        var rollback = await _workspace.RunAsAsync("pat", EngineerPassword, "prompts", "rollback", "--template", "email", "--to", "1",
            "--reason", "Version 2 cut the disclaimer.");

        import.ExitCode.ShouldBe(0, import.ToString());
        release.ExitCode.ShouldBe(0, release.ToString());
        rollback.ExitCode.ShouldBe(0, rollback.ToString());
        await using var db = _workspace.Db();
        (await db.PromptTemplateVersions.SingleAsync(v => v.TemplateName == "email" && v.Number == 2)).CreatedBy.ShouldBe("pat");
        var events = await db.PromptReleaseEvents.Where(e => e.TemplateName == "email" && e.Kind != Core.TemplateStudio.ReleaseKind.Seed).ToListAsync();
        events.Select(e => e.Kind).Order().ShouldBe([Core.TemplateStudio.ReleaseKind.Override, Core.TemplateStudio.ReleaseKind.Rollback]);
        events.ShouldAllBe(e => e.User == "pat");
        (await db.PromptTemplateReleases.SingleAsync(r => r.TemplateName == "email")).ReleasedBy.ShouldBe("pat");
        // Start-up seeding releases each shipped template once as "seed"; the two releases after it are pat's.
        var audited = await db.AuditEvents.Where(e => e.Action == AuditActions.TemplateReleased && e.Actor != "seed").ToListAsync();
        audited.Count.ShouldBe(2);
        audited.ShouldAllBe(e => e.Actor == "pat");
    }

    /// <summary>A marketer, a prompt engineer and a brand manager besides the workspace user.</summary>
    async Task AddTeamAsync()
    {
        await _workspace.AddUserAsync("mia", MarketerPassword, StudioRoles.Marketer);
        await _workspace.AddUserAsync("pat", EngineerPassword, StudioRoles.PromptEngineer);
        await _workspace.AddUserAsync("bea", ManagerPassword, StudioRoles.BrandManager);
    }

    static string PasswordOf(string user) => user switch
    {
        "mia" => MarketerPassword, "pat" => EngineerPassword, "bea" => ManagerPassword, _ => throw new ArgumentOutOfRangeException(nameof(user)),
    };

    string[] Args(string command) => command.Split(' ').Select(a => a switch
    {
        "{brief}" => CliWorkspace.SampleBrief,
        "{folder}" => ChangedEmailFolder(),
        "{why}" => "Released past the gate for an identity test.",
        _ => a,
    }).ToArray();

    /// <summary>A folder with the email template changed by one sentence: importing it makes version 2.</summary>
    string ChangedEmailFolder()
    {
        var email = File.ReadAllText(Path.Combine(Infrastructure.CliProcess.RepoRoot, "prompts", "email.prompt.md"));
        var path = _workspace.WriteFile(Path.Combine("incoming", "email.prompt.md"),
            email.Replace("You are a senior copywriter", "Be brief. You are a senior copywriter", StringComparison.Ordinal));
        return Path.GetDirectoryName(path)!;
    }
}
