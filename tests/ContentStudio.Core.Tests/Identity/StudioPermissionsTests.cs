using ContentStudio.Core.Identity;
using ContentStudio.Core.Review;
using static ContentStudio.Core.Identity.StudioPermission;

namespace ContentStudio.Core.Tests.Identity;

public sealed class StudioPermissionsTests
{
    // Who may do what outside the review queue: the table the CLI and the services share.
    private static readonly Dictionary<string, StudioPermission[]> Allowed = new()
    {
        ["Marketer"] = [Generate],
        ["BrandManager"] = [Generate, PublishRun, ManageSegments],
        ["PromptEngineer"] = [EditTemplates, EvaluateTemplates, ReleaseTemplates],
        ["Admin"] = [Generate, EditTemplates, EvaluateTemplates, ReleaseTemplates, PublishRun, ManageUsers, ManageSegments],
        ["anonymous"] = [],
    };

    public static TheoryData<string, StudioPermission, bool> Matrix()
    {
        var data = new TheoryData<string, StudioPermission, bool>();
        foreach (var (who, permissions) in Allowed)
        foreach (var permission in Enum.GetValues<StudioPermission>())
            data.Add(who, permission, permissions.Contains(permission));
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void EachRoleMayTakeExactlyItsActions(string who, StudioPermission permission, bool allowed)
    {
        var reason = StudioPermissions.Check(SqliteStudio.User(who), permission);

        (reason is null).ShouldBe(allowed, reason);
        if (allowed) Should.NotThrow(() => StudioPermissions.Demand(SqliteStudio.User(who), permission));
        else Should.Throw<StudioAuthorizationException>(() => StudioPermissions.Demand(SqliteStudio.User(who), permission)).Permission.ShouldBe(permission);
    }

    [Fact]
    public void AnonymousAndNullAreAskedToSignIn()
    {
        StudioPermissions.Check(StudioUser.Anonymous, ReleaseTemplates).ShouldBe("Sign in to release or roll back prompt templates.");
        StudioPermissions.Check(null, Generate).ShouldBe("Sign in to create campaigns and start or cancel generation runs.");
    }

    [Fact]
    public void ARefusalNamesTheUserTheRolesThatMayAndTheRolesTheyHave()
    {
        var mia = new StudioUser("mia@example.com", "Mia", IdentityRoles.Marketer, IdentityRoles.BrandManager);

        StudioPermissions.Check(mia, ReleaseTemplates).ShouldBe(
            "mia@example.com may not release or roll back prompt templates: that needs the role PromptEngineer or Admin, " +
            "and mia@example.com has only BrandManager, Marketer.");
    }

    [Fact]
    public void ARefusalIsAnUnauthorizedAccessExceptionLikeUserAdmins() =>
        Should.Throw<UnauthorizedAccessException>(() => StudioPermissions.Demand(StudioUser.Anonymous, ManageUsers));

    [Fact]
    public void EveryPermissionHasRolesAndAVerb()
    {
        foreach (var permission in Enum.GetValues<StudioPermission>())
        {
            StudioPermissions.RolesFor(permission).ShouldNotBeEmpty();
            StudioPermissions.RolesFor(permission).ShouldAllBe(r => IdentityRoles.All.Contains(r));
            StudioPermissions.Verb(permission).ShouldNotBe(permission.ToString());
        }
    }
}
