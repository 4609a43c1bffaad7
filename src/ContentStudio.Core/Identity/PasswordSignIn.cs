using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Review;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Identity;

/// <summary>Why a sign-in failed: the same words the web's login uses ("invalid", "locked").</summary>
public static class SignInFailureReasons
{
    public const string Invalid = "invalid";
    public const string Locked = "locked";
    public const string Disabled = "disabled";
}

/// <summary>A signed-in user, or why nobody is. <see cref="Message"/> is for the person who typed the password.</summary>
public sealed record PasswordSignInResult(StudioUser? User, string? FailureReason, string? Message)
{
    public bool Succeeded => User is not null;
}

/// <summary>Signs in with a user name and password where there is no cookie to write (the CLI): the password is checked
/// through Identity with the same lockout accounting as the web's SignInManager (5 failures lock the account for 5
/// minutes), and every failure is audited as the web's are (<see cref="AuditActions.SignInFailed"/>, actor and entity
/// the typed user name, never the password).</summary>
public sealed class PasswordSignIn(UserManager<StudioIdentityUser> users, AuditLog audit, ILogger<PasswordSignIn> log)
{
    /// <param name="via">Where the attempt came from, recorded with a failure (e.g. "cli").</param>
    /// <param name="origin">Who or what made the attempt as far as this process can tell (e.g. OS user and host).</param>
    public async Task<PasswordSignInResult> SignInAsync(string userName, string password, string via, string origin, CancellationToken ct = default)
    {
        userName = userName?.Trim() ?? "";
        var user = userName.Length == 0 ? null : await users.FindByNameAsync(userName);
        if (user is null) return await FailAsync(userName, SignInFailureReasons.Invalid, via, origin, ct);
        if (users.SupportsUserLockout && await users.IsLockedOutAsync(user))
            return await FailAsync(userName, UserAdmin.IsDisabled(user) ? SignInFailureReasons.Disabled : SignInFailureReasons.Locked, via, origin, ct);
        if (!await users.CheckPasswordAsync(user, password ?? ""))
        {
            var reason = SignInFailureReasons.Invalid;
            if (users.SupportsUserLockout)
            {
                await users.AccessFailedAsync(user);
                if (await users.IsLockedOutAsync(user)) reason = SignInFailureReasons.Locked;
            }
            return await FailAsync(userName, reason, via, origin, ct);
        }
        if (users.SupportsUserLockout && await users.GetAccessFailedCountAsync(user) > 0) await users.ResetAccessFailedCountAsync(user);
        var roles = await users.GetRolesAsync(user);
        var name = user.UserName ?? userName;
        await audit.RecordAsync(new AuditEntry(name, AuditActions.SignedIn, "User", name, new { via, origin }), ct);
        return new(new StudioUser(name, string.IsNullOrWhiteSpace(user.DisplayName) ? name : user.DisplayName, roles.ToArray()), null, null);
    }

    public static string MessageFor(string reason) => reason switch
    {
        SignInFailureReasons.Locked => "Too many failed attempts: this account is locked for 5 minutes.",
        SignInFailureReasons.Disabled => "This account is disabled. Ask an Admin to enable it.",
        _ => "Wrong user name or password. Check both and try again.",
    };

    private async Task<PasswordSignInResult> FailAsync(string userName, string reason, string via, string origin, CancellationToken ct)
    {
        log.LogWarning("Sign-in failed for user {UserName} via {Via} from {Origin}: {Reason}", userName, via, origin, reason);
        await audit.RecordAsync(new AuditEntry(userName, AuditActions.SignInFailed, "User", userName, new { reason, via, origin }), ct);
        return new(null, reason, MessageFor(reason));
    }
}
