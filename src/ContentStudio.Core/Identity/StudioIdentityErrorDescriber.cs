using Microsoft.AspNetCore.Identity;

namespace ContentStudio.Core.Identity;

/// <summary>Identity's default message for a bad user name says "only letters or digits", which is not the rule:
/// say which characters are allowed, so the admin knows what to type.</summary>
public sealed class StudioIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError InvalidUserName(string? userName) => new()
    {
        Code = nameof(InvalidUserName),
        Description = $"User name '{userName}' is invalid: use letters, digits and - . _ @ + only (no spaces).",
    };

    public override IdentityError PasswordMismatch() => new()
    {
        Code = nameof(PasswordMismatch),
        Description = "The current password is wrong: type the password you sign in with now.",
    };
}
