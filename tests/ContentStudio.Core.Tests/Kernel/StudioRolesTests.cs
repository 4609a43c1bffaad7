using ContentStudio.Core.Identity;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Kernel;

public class StudioRolesTests
{
    [Theory]
    [InlineData("marketer", StudioRoles.Marketer)]
    [InlineData(" BRANDMANAGER ", StudioRoles.BrandManager)]
    [InlineData("PromptEngineer", StudioRoles.PromptEngineer)]
    [InlineData("admin", StudioRoles.Admin)]
    public void NormalizesAnySpellingToTheCanonicalRole(string input, string expected) =>
        StudioRoles.Normalize(input).ShouldBe(expected);

    [Theory]
    [InlineData("Boss")]
    [InlineData("")]
    [InlineData(null)]
    public void RejectsWhatIsNoStudioRole(string? input) => StudioRoles.Normalize(input).ShouldBeNull();

    [Fact]
    public void HasTheFourRoles() =>
        StudioRoles.All.ShouldBe(["Marketer", "BrandManager", "PromptEngineer", "Admin"]);

    [Fact]
    public void OnlyAnActorWithTheAdminRoleIsAdmin()
    {
        new StudioUser("mia", "Mia", StudioRoles.Marketer, StudioRoles.BrandManager).IsAdmin.ShouldBeFalse();
        new StudioUser("root", "Root", StudioRoles.Admin).IsAdmin.ShouldBeTrue();
        StudioUser.Operator("ops").Id.ShouldBe("cli:ops");
        StudioUser.Operator("ops").IsAdmin.ShouldBeTrue();
    }
}
