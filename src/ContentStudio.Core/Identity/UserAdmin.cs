using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Identity;

/// <summary>One account as the admin page and `studio users list` show it. <see cref="Disabled"/>: an Admin turned it
/// off (<see cref="UserAdmin.SetDisabledAsync"/>); it cannot sign in.</summary>
public sealed record UserSummary(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool Disabled = false);

/// <summary>What is wrong and where: Field is "userName", "displayName", "password", "currentPassword", "newPassword" or "roles".</summary>
public sealed record UserAdminError(string Field, string Message);

public sealed record UserAdminResult(IReadOnlyList<UserAdminError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static readonly UserAdminResult Ok = new([]);
    public static UserAdminResult Fail(string field, string message) => new([new UserAdminError(field, message)]);
    public override string ToString() => Succeeded ? "ok" : string.Join(Environment.NewLine, Errors.Select(e => $"{e.Field}: {e.Message}"));
}

/// <summary>Creates accounts, changes their roles, passwords and whether they may sign in. Every change names its actor
/// and only an Admin may make one (a user may change their own password): the page checks too, but the service is the
/// rule, so no caller can forget it. Every change is audited in the same transaction as the change itself.</summary>
public sealed partial class UserAdmin(UserManager<StudioIdentityUser> users, RoleManager<IdentityRole> roles, StudioDbContext db,
    AuditLog audit, ILogger<UserAdmin> log)
{
    public async Task<UserAdminResult> CreateUserAsync(StudioUser actor, string userName, string? displayName, string password,
        IEnumerable<string> roleNames, CancellationToken ct = default)
    {
        RequireAdmin(actor, "add users");
        var errors = new List<UserAdminError>();
        userName = userName?.Trim() ?? "";
        if (userName.Length == 0) errors.Add(new("userName", "User name is required (letters, digits and - . _ @ +)."));
        if (string.IsNullOrEmpty(password)) errors.Add(new("password", "Password is required."));
        var (canonical, roleErrors) = ValidateRoles(roleNames);
        var user = new StudioIdentityUser { UserName = userName, DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim() };
        // Every problem at once, so one round of fixes is enough: name rules and duplicates, password rules, roles.
        if (userName.Length > 0)
            foreach (var validator in users.UserValidators) errors.AddRange(Map(await validator.ValidateAsync(users, user)).Errors);
        if (!string.IsNullOrEmpty(password))
            foreach (var validator in users.PasswordValidators) errors.AddRange(Map(await validator.ValidateAsync(users, user, password)).Errors);
        errors.AddRange(roleErrors);
        if (errors.Count > 0) return new(errors);

        await EnsureRolesAsync(ct);
        var result = await AuditedAsync(async () =>
        {
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return Map(created);
            return Map(await users.AddToRolesAsync(user, canonical));
        }, () => new AuditEntry(actor.Id, AuditActions.UserCreated, "User", user.UserName!,
            new { displayName = user.DisplayName, roles = canonical }), ct);
        if (!result.Succeeded) return result;
        log.LogInformation("{Actor} created user {User} with roles {Roles}", actor.Id, userName, string.Join(", ", canonical));
        return UserAdminResult.Ok;
    }

    /// <summary>The first account of an install that has none (a CLI-only install has no web first start to create
    /// "admin"): no signed-in actor is needed, <paramref name="operatorName"/> (the OS user) is logged as cli:NAME. Refused
    /// with <see cref="AccessDeniedException"/> once any user exists (then only an Admin adds users), and the
    /// account must be an Admin: otherwise nobody could ever add the next user or change a role.</summary>
    public async Task<UserAdminResult> CreateFirstAdminAsync(string operatorName, string userName, string? displayName, string password,
        IEnumerable<string> roleNames, CancellationToken ct = default)
    {
        if (await AnyUsersAsync(ct))
            throw new AccessDeniedException(StudioPermission.ManageUsers,
                "The database has users already, so only a signed-in Admin may add users.");
        var roleList = (roleNames ?? []).ToList();
        if (!roleList.Any(r => StudioRoles.Normalize(r) == StudioRoles.Admin))
            return UserAdminResult.Fail("roles", "The first user must have the Admin role (add it with the other roles): nobody could add users or change roles otherwise.");
        return await CreateUserAsync(StudioUser.Operator(operatorName), userName, displayName, password, roleList, ct);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        var accounts = (await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd }).ToListAsync(ct));
        var memberships = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(ct);
        return accounts.Select(u => new UserSummary(u.Id, u.UserName ?? "", u.DisplayName,
            memberships.Where(m => m.UserId == u.Id).Select(m => m.Name ?? "").OrderBy(n => IndexOfRole(n)).ToList(),
            IsDisabled(u.LockoutEnd))).ToList();
    }

    /// <summary>Replaces <paramref name="userName"/>'s roles. The last Admin cannot lose the role: nobody could manage accounts then.</summary>
    public async Task<UserAdminResult> SetRolesAsync(StudioUser actor, string userName, IEnumerable<string> roleNames, CancellationToken ct = default)
    {
        RequireAdmin(actor, "change roles");
        var (canonical, roleErrors) = ValidateRoles(roleNames);
        if (roleErrors.Count > 0) return new(roleErrors);
        var user = await users.FindByNameAsync(userName?.Trim() ?? "");
        if (user is null) return UserAdminResult.Fail("userName", $"There is no user '{userName}'.");
        await EnsureRolesAsync(ct);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(StudioRoles.Admin) && !canonical.Contains(StudioRoles.Admin)
            && (await users.GetUsersInRoleAsync(StudioRoles.Admin)).Count == 1)
            return UserAdminResult.Fail("roles", $"'{user.UserName}' is the only Admin: make someone else Admin before removing the role.");
        if (current.Order().SequenceEqual(canonical.Order())) return UserAdminResult.Ok;
        var result = await AuditedAsync(async () =>
        {
            var removed = await users.RemoveFromRolesAsync(user, current.Except(canonical));
            if (!removed.Succeeded) return Map(removed);
            var added = await users.AddToRolesAsync(user, canonical.Except(current));
            if (!added.Succeeded) return Map(added);
            return Map(await users.UpdateSecurityStampAsync(user)); // open sessions re-read their roles at the next validation
        }, () => new AuditEntry(actor.Id, AuditActions.UserRolesChanged, "User", user.UserName!,
            new { from = current.OrderBy(IndexOfRole).ToArray(), to = canonical }), ct);
        if (!result.Succeeded) return result;
        log.LogInformation("{Actor} set roles of {User} to {Roles}", actor.Id, user.UserName, string.Join(", ", canonical));
        return UserAdminResult.Ok;
    }

    /// <summary>Creates any of the four studio roles that is missing.</summary>
    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        foreach (var role in StudioRoles.All)
        {
            if (await roles.RoleExistsAsync(role)) continue;
            IdentityResult result;
            try { result = await roles.CreateAsync(new IdentityRole(role)); }
            catch (DbUpdateException)
            {
                // Another process made it between our check and our insert: the unique index refused ours. Forget
                // the refused row, or the next SaveChanges on this context would try it again.
                db.ChangeTracker.Clear();
                result = IdentityResult.Failed(new IdentityError { Code = "DuplicateRoleName", Description = $"Role {role} already exists." });
            }
            if (!result.Succeeded && !await roles.RoleExistsAsync(role))
                throw new InvalidOperationException($"Could not create role {role}: {Map(result)}");
        }
    }

    public Task<bool> AnyUsersAsync(CancellationToken ct = default) => db.Users.AnyAsync(ct);

    /// <summary>True on a fresh install: the initial admin exists and nobody has signed in yet (no sign-in event in the
    /// audit log), so the sign-in page tells the operator where that admin's password is. Says nothing about the password.</summary>
    public async Task<bool> AwaitingFirstSignInAsync(CancellationToken ct = default) =>
        await db.Users.AnyAsync(u => u.UserName == InitialAdmin.UserName, ct) &&
        !await db.AuditEvents.AnyAsync(e => e.Action == Audit.AuditActions.SignedIn, ct);

    private static (List<string> Canonical, List<UserAdminError> Errors) ValidateRoles(IEnumerable<string> roleNames)
    {
        var canonical = new List<string>();
        var errors = new List<UserAdminError>();
        foreach (var name in roleNames ?? [])
        {
            var role = StudioRoles.Normalize(name);
            if (role is null) errors.Add(new("roles", $"Unknown role '{name}': use {string.Join(", ", StudioRoles.All)}."));
            else if (!canonical.Contains(role)) canonical.Add(role);
        }
        if (canonical.Count == 0 && errors.Count == 0)
            errors.Add(new("roles", $"Choose at least one role ({string.Join(", ", StudioRoles.All)})."));
        return (canonical, errors);
    }

    private static void RequireAdmin(StudioUser actor, string what) => Access.Demand(actor, StudioPermission.ManageUsers, what);

    private static int IndexOfRole(string role) => StudioRoles.All.ToList().IndexOf(role);

    private static UserAdminResult Map(IdentityResult result, string passwordField = "password") =>
        new(result.Errors.Select(e => new UserAdminError(FieldOf(e.Code, passwordField), e.Description)).ToList());

    private static string FieldOf(string code, string passwordField) =>
        code == "PasswordMismatch" ? "currentPassword"
        : code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
        : code.Contains("UserName", StringComparison.Ordinal) ? "userName"
        : code.Contains("Role", StringComparison.Ordinal) ? "roles" : "userName";
}
