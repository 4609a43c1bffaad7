using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Identity;

/// <summary>First start: with no account at all nobody could sign in, so create "admin". Its password comes from
/// Identity:InitialAdminPassword (Identity__InitialAdminPassword) or, when that is empty, is generated and logged
/// once at Warning level. No password ever lives in the repository.</summary>
public static class InitialAdmin
{
    public const string UserName = "admin";

    /// <summary>Creates the roles and, when there are no users, the admin account. Returns true when it created the admin.</summary>
    public static async Task<bool> EnsureInitialAdminAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        await admin.EnsureRolesAsync(ct);
        if (await admin.AnyUsersAsync(ct)) return false;

        var options = configuration.GetSection(StudioIdentityOptions.Section).Get<StudioIdentityOptions>() ?? new();
        var generated = string.IsNullOrEmpty(options.InitialAdminPassword);
        var password = generated ? GeneratePassword() : options.InitialAdminPassword;
        // Two instances starting together on one PostgreSQL database: the one that loses the race (a duplicate name,
        // or the unique index refusing the insert) is not an error.
        UserAdminResult result;
        try { result = await admin.CreateUserAsync(StudioUser.System, UserName, "Administrator", password, [StudioRoles.Admin], ct); }
        catch (DbUpdateException)
        {
            if (await AnotherInstanceWonAsync(services, ct)) return false;
            throw;
        }
        if (!result.Succeeded && await AnotherInstanceWonAsync(services, ct)) return false;
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Could not create the initial admin user: {result}. " +
                (generated ? "" : "Fix the password in Identity:InitialAdminPassword (environment variable Identity__InitialAdminPassword)."));

        var log = scope.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger("ContentStudio.Identity");
        if (generated)
            log?.LogWarning("FIRST START: created user '{User}' with the generated password {Password} — sign in and keep it safe; " +
                            "it is shown only this once (set Identity__InitialAdminPassword to choose it instead).", UserName, password);
        else
            log?.LogInformation("First start: created user '{User}' with the password from Identity:InitialAdminPassword", UserName);
        return true;
    }

    private static async Task<bool> AnotherInstanceWonAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope(); // a fresh context: the failed one still tracks our admin
        return await scope.ServiceProvider.GetRequiredService<UserAdmin>().AnyUsersAsync(ct);
    }

    /// <summary>24 random characters with every class Identity's password rules ask for.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "!#%+-=?@_";
        const string all = lower + upper + digits + symbols;
        var chars = new List<char>
        {
            lower[RandomNumberGenerator.GetInt32(lower.Length)], upper[RandomNumberGenerator.GetInt32(upper.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)], symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 24) chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        var shuffled = chars.ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        return new string(shuffled);
    }
}
