using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Data;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Identity;

/// <summary>Over HTTP: a disabled account's cookie stops working at its very next request and it cannot sign in again;
/// the audit export answers CSV to a reader and 403 (audited) to anyone else.</summary>
public sealed partial class SignInOverHttpTests
{
    private const string MiaPassword = "Mia-http-Pass-2";
    private static readonly StudioUser Root = new("admin", "Administrator", StudioRoles.Admin);

    private async Task<T> AsAdminAsync<T>(Func<UserAdmin, Task<T>> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserAdmin>());
    }

    private async Task<List<AuditEvent>> EventsAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    [Fact]
    public async Task ADisabledAccountIsSignedOutAtItsNextRequestAndCannotSignInAgain()
    {
        (await AsAdminAsync(a => a.CreateUserAsync(Root, "mia", null, MiaPassword, [StudioRoles.Marketer]))).Succeeded.ShouldBeTrue();
        var mia = Client();
        (await SignInAsync(mia, "mia", MiaPassword, "/")).Headers.Location!.OriginalString.ShouldBe("/");
        (await mia.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await AsAdminAsync(a => a.SetDisabledAsync(Root, "mia", true))).Succeeded.ShouldBeTrue();

        var next = await mia.GetAsync("/");
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        next.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
        var again = await SignInAsync(Client(), "mia", MiaPassword, "/");
        again.Headers.Location!.OriginalString.ShouldStartWith("/account/login?error=disabled");
        (await EventsAsync()).Where(e => e.Actor == "mia").Select(e => e.Action).ShouldBe([AuditActions.SignedIn, AuditActions.SignInFailed]);
    }

    [Fact]
    public async Task TheAuditExportIsCsvForAReaderAndARefusalForAMarketer()
    {
        (await AsAdminAsync(a => a.CreateUserAsync(Root, "mia", null, MiaPassword, [StudioRoles.Marketer]))).Succeeded.ShouldBeTrue();
        var admin = Client();
        await SignInAsync(admin, "admin", AdminPassword, "/");
        var mia = Client();
        await SignInAsync(mia, "mia", MiaPassword, "/");

        var refused = await mia.GetAsync("/api/audit/export");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var export = await admin.GetAsync("/api/audit/export?kind=auth&actor=mia");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe(string.Join(',', AuditCsv.Header));
        lines.Skip(1).Select(l => l.Split(',')[3]).ShouldBe([AuditActions.SignedIn, AuditActions.AccessDenied]);
        (await admin.GetAsync("/api/audit/export?from=yesterday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var denied = (await EventsAsync()).Where(e => e.Action == AuditActions.AccessDenied).ShouldHaveSingleItem();
        (denied.Actor, denied.EntityId).ShouldBe(("mia", nameof(StudioPermission.ReadAudit)));
        denied.DataJson.ShouldContain("\"via\":\"api\"");
    }
}
