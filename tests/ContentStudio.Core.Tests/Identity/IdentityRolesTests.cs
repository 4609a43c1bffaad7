using ContentStudio.Core.Identity;

namespace ContentStudio.Core.Tests.Identity;

public class IdentityRolesTests
{
    [Theory]
    [InlineData("marketer", IdentityRoles.Marketer)]
    [InlineData(" BRANDMANAGER ", IdentityRoles.BrandManager)]
    [InlineData("PromptEngineer", IdentityRoles.PromptEngineer)]
    [InlineData("admin", IdentityRoles.Admin)]
    public void NormalizesAnySpellingToTheCanonicalRole(string input, string expected) =>
        IdentityRoles.Normalize(input).ShouldBe(expected);

    [Theory]
    [InlineData("Boss")]
    [InlineData("")]
    [InlineData(null)]
    public void RejectsWhatIsNoStudioRole(string? input) => IdentityRoles.Normalize(input).ShouldBeNull();

    [Fact]
    public void HasTheFourRolesReviewUsesToo() =>
        IdentityRoles.All.ShouldBe(ContentStudio.Core.Review.StudioRoles.All);

    [Fact]
    public void OnlyAnActorWithTheAdminRoleIsAdmin()
    {
        new IdentityActor("mia", [IdentityRoles.Marketer, IdentityRoles.BrandManager]).IsAdmin.ShouldBeFalse();
        new IdentityActor("root", [IdentityRoles.Admin]).IsAdmin.ShouldBeTrue();
        IdentityActor.Operator("ops").Name.ShouldBe("cli:ops");
    }
}
