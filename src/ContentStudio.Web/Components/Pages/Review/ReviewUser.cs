using ContentStudio.Core.Review;
using ContentStudio.Web.Identity;

namespace ContentStudio.Web.Components.Pages.Review;

public static class ReviewUser
{
    /// <summary>The signed-in person as the review services know them: the Id is the sign-in name, because
    /// GenerationRun.CreatedBy (the separation-of-duties check) holds the sign-in name.</summary>
    public static StudioUser ToStudioUser(this CurrentUserInfo me) =>
        me.IsAuthenticated ? new StudioUser(me.Name, me.DisplayName, me.Roles.ToHashSet(StringComparer.Ordinal)) : StudioUser.Anonymous;

    public static bool CanDecide(this CurrentUserInfo me) =>
        me.IsInRole(StudioRoles.BrandManager) || me.IsInRole(StudioRoles.Admin);
}
