using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Identity;

/// <summary>A reset's outcome: the errors, or the password now in force when the studio chose it (shown once, never stored).</summary>
public sealed record PasswordResetResult(UserAdminResult Result, string? GeneratedPassword)
{
    public bool Succeeded => Result.Succeeded;
}

public sealed partial class UserAdmin
{
    /// <summary>A disabled account is one locked out until this date: Identity's own lockout refuses its sign-ins (web
    /// and CLI) without a schema change, and no failed-attempt lockout (minutes) ever reaches it.</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Passwords are checked by Identity's validators; this only keeps absurd input out of the hasher.</summary>
    public const int MaxPasswordLength = 256;

    public static bool IsDisabled(StudioIdentityUser user) => IsDisabled(user.LockoutEnd);

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end.UtcDateTime.Year >= DisabledUntil.Year;

    /// <summary>The signed-in <paramref name="actor"/> changes their own password: the current one must match, the new one
    /// passes Identity's validators and differs from the current one. Every problem comes back at once, by field
    /// ("currentPassword", "newPassword"). Renews the security stamp, so the account's other sessions end.</summary>
    public async Task<UserAdminResult> ChangeOwnPasswordAsync(StudioUser actor, string currentPassword, string newPassword, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) throw new AccessDeniedException(StudioPermission.ManageUsers, "Sign in to change your password.");
        var user = await users.FindByNameAsync(actor.Id) ?? throw new AccessDeniedException(StudioPermission.ManageUsers,
            $"There is no account '{actor.Id}' to change the password of (CLI operators and system actors have none).");
        var errors = new List<UserAdminError>();
        if (string.IsNullOrEmpty(currentPassword)) errors.Add(new("currentPassword", "Enter your current password."));
        errors.AddRange(await NewPasswordErrorsAsync(user, newPassword, "newPassword"));
        if (errors.Count == 0 && currentPassword == newPassword)
            errors.Add(new("newPassword", "The new password is the same as the current one: choose a different one."));
        if (errors.Count > 0) return new(errors);
        var result = await AuditedAsync(async () => Map(await users.ChangePasswordAsync(user, currentPassword, newPassword), "newPassword"),
            () => new AuditEntry(actor.Id, AuditActions.UserPasswordChanged, "User", user.UserName!, new { by = "self" }), ct);
        if (result.Succeeded) log.LogInformation("{User} changed their password", user.UserName);
        return result;
    }

    /// <summary>An Admin gives <paramref name="userName"/> a new password: <paramref name="newPassword"/> when given
    /// (checked by the validators), else one the studio generates and returns once. The account's sessions end (the
    /// security stamp changes) and a failed-attempt lockout is cleared; a disabled account stays disabled.</summary>
    public async Task<PasswordResetResult> ResetPasswordAsync(StudioUser actor, string userName, string? newPassword = null, CancellationToken ct = default)
    {
        RequireAdmin(actor, "reset passwords");
        var user = await users.FindByNameAsync(userName?.Trim() ?? "");
        if (user is null) return new(UserAdminResult.Fail("userName", $"There is no user '{userName}'."), null);
        var generated = string.IsNullOrEmpty(newPassword);
        var password = generated ? GeneratePassword() : newPassword!;
        var errors = await NewPasswordErrorsAsync(user, password, "password");
        if (errors.Count > 0) return new(new(errors), null);
        var result = await AuditedAsync(async () =>
        {
            if (await users.HasPasswordAsync(user) && await users.RemovePasswordAsync(user) is { Succeeded: false } removed) return Map(removed);
            if (await users.AddPasswordAsync(user, password) is { Succeeded: false } added) return Map(added);
            if (!IsDisabled(user) && await users.SetLockoutEndDateAsync(user, null) is { Succeeded: false } unlocked) return Map(unlocked);
            return Map(await users.ResetAccessFailedCountAsync(user));
        }, () => new AuditEntry(actor.Id, AuditActions.UserPasswordReset, "User", user.UserName!, new { generated }), ct);
        if (!result.Succeeded) return new(result, null);
        log.LogInformation("{Actor} reset the password of {User}", actor.Id, user.UserName);
        return new(result, generated ? password : null);
    }

    /// <summary>Turns sign-in off (or back on) for <paramref name="userName"/>. A disabled account's cookie stops working
    /// at its next request and its open pages at their next check (the security stamp changes). An Admin cannot disable
    /// themselves, nor the last enabled Admin: nobody could manage accounts then.</summary>
    public async Task<UserAdminResult> SetDisabledAsync(StudioUser actor, string userName, bool disabled, CancellationToken ct = default)
    {
        RequireAdmin(actor, disabled ? "disable users" : "enable users");
        var user = await users.FindByNameAsync(userName?.Trim() ?? "");
        if (user is null) return UserAdminResult.Fail("userName", $"There is no user '{userName}'.");
        if (IsDisabled(user) == disabled) return UserAdminResult.Ok;
        if (disabled && string.Equals(user.UserName, actor.Id, StringComparison.OrdinalIgnoreCase))
            return UserAdminResult.Fail("userName", "You cannot disable your own account: ask another Admin.");
        if (disabled && (await users.GetRolesAsync(user)).Contains(StudioRoles.Admin)
            && !(await users.GetUsersInRoleAsync(StudioRoles.Admin)).Any(a => a.Id != user.Id && !IsDisabled(a)))
            return UserAdminResult.Fail("userName", $"'{user.UserName}' is the only enabled Admin: make someone else Admin first.");
        var result = await AuditedAsync(async () =>
        {
            if (await users.SetLockoutEnabledAsync(user, true) is { Succeeded: false } enabled) return Map(enabled);
            if (await users.SetLockoutEndDateAsync(user, disabled ? DisabledUntil : null) is { Succeeded: false } set) return Map(set);
            if (!disabled && await users.ResetAccessFailedCountAsync(user) is { Succeeded: false } reset) return Map(reset);
            return Map(await users.UpdateSecurityStampAsync(user));
        }, () => new AuditEntry(actor.Id, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, "User", user.UserName!), ct);
        if (result.Succeeded) log.LogInformation("{Actor} {Change} user {User}", actor.Id, disabled ? "disabled" : "enabled", user.UserName);
        return result;
    }

    private async Task<List<UserAdminError>> NewPasswordErrorsAsync(StudioIdentityUser user, string? password, string field)
    {
        if (string.IsNullOrEmpty(password)) return [new(field, "Enter the new password.")];
        if (password.Length > MaxPasswordLength) return [new(field, $"The password is {password.Length} characters long; the limit is {MaxPasswordLength}.")];
        var errors = new List<UserAdminError>();
        foreach (var validator in users.PasswordValidators) errors.AddRange(Map(await validator.ValidateAsync(users, user, password), field).Errors);
        return errors;
    }

    /// <summary>The identity change and its audit event in one transaction on the scoped context Identity's stores use:
    /// both commit or neither does. <paramref name="change"/> returning errors rolls back.</summary>
    private async Task<UserAdminResult> AuditedAsync(Func<Task<UserAdminResult>> change, Func<AuditEntry> entry, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await change();
        if (!result.Succeeded) { db.ChangeTracker.Clear(); return result; }
        await audit.AppendAsync(db, entry(), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>20 characters with every class the validators ask for (upper, lower, digit, symbol), from a CSPRNG,
    /// without look-alikes (0/O, 1/l/I) so it can be read out.</summary>
    private static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "-_.!#%+";
        var chars = RandomNumberGenerator.GetItems<char>(upper + lower + digits + symbols, 16).ToList();
        chars.Add(RandomNumberGenerator.GetItems<char>(upper, 1)[0]);
        chars.Add(RandomNumberGenerator.GetItems<char>(lower, 1)[0]);
        chars.Add(RandomNumberGenerator.GetItems<char>(digits, 1)[0]);
        chars.Add(RandomNumberGenerator.GetItems<char>(symbols, 1)[0]);
        var array = chars.ToArray();
        RandomNumberGenerator.Shuffle<char>(array);
        return new string(array);
    }
}
