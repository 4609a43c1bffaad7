using ContentStudio.Core.Review;
using ContentStudio.Web.Identity;

namespace ContentStudio.Web.Components.Pages.Review;

public static class ReviewUser
{
    public static bool CanDecide(this CurrentUserInfo me) =>
        me.IsInRole(StudioRoles.BrandManager) || me.IsInRole(StudioRoles.Admin);
}
