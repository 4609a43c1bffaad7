using ContentStudio.Testing;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Tests.Identity;
using static ContentStudio.Core.Kernel.StudioPermission;


namespace ContentStudio.Core.Tests.Kernel;

public sealed class AccessTests
{
    // Who may do what, by role alone: the one table the pages, the API, the CLI and the services share. Written out
    // here a second time on purpose, so a change to the table is a change to this test too.
    private static readonly Dictionary<string, StudioPermission[]> Allowed = new()
    {
        ["Marketer"] = [SubmitVariant, EditVariant, WorkQueue, Generate, ImportResults, DesignateControl, ReadInsights],
        ["BrandManager"] = [SubmitVariant, EditVariant, ApproveVariant, OverrideApproval, RejectVariant, RequestChanges, ScheduleVariant,
            PublishVariant, WorkQueue, ReleaseAnyClaim, Generate, PublishRun, ManageSegments, ReadAudit, ImportResults, DesignateControl, ReadInsights,
            ReadUsage],
        ["PromptEngineer"] = [WorkQueue, EditTemplates, EvaluateTemplates, ReleaseTemplates, ReadInsights],
        ["Admin"] = [SubmitVariant, OverrideApproval, ScheduleVariant, PublishVariant, WorkQueue, ReleaseAnyClaim, Generate, EditTemplates,
            EvaluateTemplates, ReleaseTemplates, PublishRun, ManagePublishTargets, ReadAudit, ManageUsers, ManageSegments, ImportResults, DesignateControl,
            ReadInsights, ReadUsage],
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
        var decision = Access.Check(SqliteStudio.User(who), permission);

        decision.Allowed.ShouldBe(allowed, decision.Reason);
        Access.Allows(SqliteStudio.User(who), permission).ShouldBe(allowed);
        if (allowed) Should.NotThrow(() => Access.Demand(SqliteStudio.User(who), permission));
        else Should.Throw<AccessDeniedException>(() => Access.Demand(SqliteStudio.User(who), permission)).Permission.ShouldBe(permission);
    }

    [Fact]
    public void AnonymousAndNullAreAskedToSignIn()
    {
        Access.Check(StudioUser.Anonymous, ReleaseTemplates).Reason.ShouldBe("Sign in to release or roll back prompt templates.");
        Access.Check(null, Generate).Reason.ShouldBe("Sign in to create campaigns and start or cancel generation runs.");
    }

    [Fact]
    public void ARefusalNamesTheUserTheRolesThatMayAndTheRolesTheyHave()
    {
        var mia = new StudioUser("mia@example.com", "Mia", StudioRoles.Marketer, StudioRoles.BrandManager);

        Access.Check(mia, ReleaseTemplates).Reason.ShouldBe(
            "mia@example.com may not release or roll back prompt templates: that needs the role PromptEngineer or Admin " +
            "(has BrandManager, Marketer).");
    }

    [Fact]
    public void ARefusalIsAnUnauthorizedAccessExceptionLikeUserAdmins() =>
        Should.Throw<UnauthorizedAccessException>(() => Access.Demand(StudioUser.Anonymous, ManageUsers));

    [Fact]
    public void EveryPermissionHasRolesAndAVerb()
    {
        foreach (var permission in Enum.GetValues<StudioPermission>())
        {
            Access.RolesFor(permission).ShouldNotBeEmpty();
            Access.RolesFor(permission).ShouldAllBe(r => StudioRoles.All.Contains(r));
            Access.Verb(permission).ShouldNotBe(permission.ToString());
        }
    }

    [Fact]
    public void EveryReviewActionHasItsOwnPermission() =>
        Enum.GetValues<ReviewAction>().Select(Access.For).Distinct().Count().ShouldBe(Enum.GetValues<ReviewAction>().Length);

    [Fact]
    public void AnOfferIsTheDecisionTheServiceWouldTakeLeavingOnlyTheJustificationToWrite()
    {
        var bree = People.Bree;
        var admin = People.Ada;
        var flagged = new VariantReviewFacts("mia@example.com", [], "the guardrail checks found a blocker");
        var hers = new VariantReviewFacts("bree@example.com", []);

        Access.Offer(bree, ReviewAction.OverrideApprove, flagged).Allowed.ShouldBeTrue();
        Access.Check(bree, ReviewAction.OverrideApprove, flagged).Allowed.ShouldBeFalse(); // the click still needs the text
        Access.Offer(bree, ReviewAction.Approve, flagged).Reason!.ShouldContain("only be approved through an override");
        Access.Offer(bree, ReviewAction.Approve, hers).Reason!.ShouldContain("may not approve a variant they generated");
        Access.Offer(admin, ReviewAction.Approve, hers).Reason!.ShouldContain("An admin may approve only through an override");
        Access.Offer(admin, ReviewAction.OverrideApprove, hers).Allowed.ShouldBeTrue();
    }
}
