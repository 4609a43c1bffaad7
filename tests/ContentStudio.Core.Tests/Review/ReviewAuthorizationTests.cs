using ContentStudio.Testing;
using ContentStudio.Core.Review;
using static ContentStudio.Core.Kernel.ReviewAction;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Review;

public sealed class ReviewAuthorizationTests
{
    private const string Justification = "Legal signed off on the claim by email on 28 Nov.";
    private static readonly StudioUser Marketer = People.Mia;
    private static readonly StudioUser BrandManager = People.Bea;
    private static readonly StudioUser PromptEngineer = People.Pat;
    private static readonly StudioUser Admin = People.Ada;
    private static readonly VariantReviewFacts SomeoneElsesVariant = new("gus@example.com", ["eve@example.com"]);

    private static StudioUser? User(string who) => who switch
    {
        "Marketer" => Marketer, "BrandManager" => BrandManager, "PromptEngineer" => PromptEngineer, "Admin" => Admin,
        "anonymous" => StudioUser.Anonymous, "null" => null, _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    // The matrix from the issue, on a variant the user neither generated nor edited.
    public static TheoryData<string, ReviewAction, bool> Matrix()
    {
        var allowed = new Dictionary<string, ReviewAction[]>
        {
            ["Marketer"] = [Submit, Edit],
            ["BrandManager"] = [Submit, Edit, Approve, OverrideApprove, Reject, RequestChanges, Schedule, Publish],
            ["PromptEngineer"] = [],
            ["Admin"] = [Submit, OverrideApprove, Schedule, Publish],
            ["anonymous"] = [],
            ["null"] = [],
        };
        var data = new TheoryData<string, ReviewAction, bool>();
        foreach (var (who, actions) in allowed)
        foreach (var action in Enum.GetValues<ReviewAction>())
            data.Add(who, action, actions.Contains(action));
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void EachRoleMayTakeExactlyItsActions(string who, ReviewAction action, bool allowed)
    {
        var decision = Access.Check(User(who), action, SomeoneElsesVariant, Justification);

        decision.Allowed.ShouldBe(allowed);
        if (allowed) decision.Reason.ShouldBeNull();
        else decision.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("null")]
    public void AnonymousIsAskedToSignIn(string who) =>
        Access.Check(User(who), Submit, SomeoneElsesVariant).Reason!.ShouldStartWith("Sign in to submit");

    [Fact]
    public void MissingRoleIsNamedInTheReason()
    {
        var reason = Access.Check(Marketer, Approve, SomeoneElsesVariant).Reason!;
        reason.ShouldContain("mia@example.com may not approve");
        reason.ShouldContain("BrandManager");
        reason.ShouldContain("has Marketer");
    }

    [Fact]
    public void AdminIsPointedToTheOverride() =>
        Access.Check(Admin, Approve, SomeoneElsesVariant).Reason!.ShouldContain("override with a written justification");

    [Theory]
    [InlineData("Marketer")]
    [InlineData("BrandManager")]
    [InlineData("PromptEngineer")]
    [InlineData("Admin")]
    public void NobodyApprovesAVariantTheyGenerated(string who)
    {
        var user = User(who)!;
        var facts = new VariantReviewFacts(user.Id, []);
        Access.Check(user, Approve, facts).Allowed.ShouldBeFalse();
        // Even holding every role does not help.
        var everything = user with { Roles = StudioRoles.All.ToHashSet() };
        var decision = Access.Check(everything, Approve, facts);
        decision.Allowed.ShouldBeFalse();
        decision.Reason!.ShouldContain("approve a variant they generated");
    }

    [Theory]
    [InlineData("Marketer")]
    [InlineData("BrandManager")]
    [InlineData("PromptEngineer")]
    [InlineData("Admin")]
    public void NobodyApprovesAVariantTheyEdited(string who)
    {
        var user = User(who)! with { Roles = StudioRoles.All.Where(r => r != StudioRoles.Admin).ToHashSet() };
        var facts = new VariantReviewFacts("gus@example.com", ["eve@example.com", user.Id]);
        var decision = Access.Check(user, Approve, facts);
        decision.Allowed.ShouldBeFalse();
        decision.Reason!.ShouldContain("approve a variant they edited");
    }

    [Fact]
    public void AuthorshipIgnoresCaseAndSpaces() =>
        Access.Check(BrandManager, Approve, new VariantReviewFacts(" BEA@example.com", [])).Allowed.ShouldBeFalse();

    [Fact]
    public void AuthorsMayStillRejectOrRequestChanges()
    {
        var facts = new VariantReviewFacts(BrandManager.Id, []);
        Access.Check(BrandManager, Reject, facts).Allowed.ShouldBeTrue();
        Access.Check(BrandManager, RequestChanges, facts).Allowed.ShouldBeTrue();
    }

    [Fact]
    public void BrandManagerCannotOverrideTheirOwnVariant()
    {
        var decision = Access.Check(BrandManager, OverrideApprove, new VariantReviewFacts(null, [BrandManager.Id]), Justification);
        decision.Allowed.ShouldBeFalse();
        decision.Reason!.ShouldContain("only an admin");
    }

    [Fact]
    public void AdminMayOverrideTheirOwnVariantWithAJustification() =>
        Access.Check(Admin, OverrideApprove, new VariantReviewFacts(Admin.Id, [Admin.Id]), Justification).Allowed.ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("because")]
    public void OverrideNeedsARealJustification(string? justification)
    {
        foreach (var user in new[] { Admin, BrandManager })
        {
            var decision = Access.Check(user, OverrideApprove, SomeoneElsesVariant, justification);
            decision.Allowed.ShouldBeFalse();
            decision.Reason!.ShouldContain("justification");
        }
    }

    [Fact]
    public void FlaggedVariantNeedsAnOverride()
    {
        var flagged = SomeoneElsesVariant with { BlockedReason = "subject over 60 characters" };
        var plain = Access.Check(BrandManager, Approve, flagged);
        plain.Allowed.ShouldBeFalse();
        plain.Reason!.ShouldContain("subject over 60 characters");
        Access.Check(BrandManager, OverrideApprove, flagged, Justification).Allowed.ShouldBeTrue();
    }

    [Fact]
    public void DemandThrowsWithTheReason()
    {
        var e = Should.Throw<AccessDeniedException>(() => Access.Demand(PromptEngineer, Publish, SomeoneElsesVariant));
        e.Permission.ShouldBe(StudioPermission.PublishVariant);
        e.Message.ShouldBe(Access.Check(PromptEngineer, Publish, SomeoneElsesVariant).Reason);
        Should.NotThrow(() => Access.Demand(BrandManager, Publish, SomeoneElsesVariant));
    }
}
