using Microsoft.AspNetCore.Identity;

namespace ContentStudio.Core.Identity;

/// <summary>A person who signs in to the studio. UserName is the sign-in name; DisplayName is what pages show.</summary>
public sealed class StudioIdentityUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
