using ContentStudio.Core.Audit;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Review;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Cli;

/// <summary>Who runs a data-changing verb, or the exit code to stop with. <see cref="User"/> is null when refused.</summary>
internal sealed record CliSignIn(StudioUser? User, int ExitCode)
{
    public bool Refused => User is null;
}

/// <summary>Sign-in for verbs that change data. The user name comes from STUDIO_USER, the password from STUDIO_PASSWORD
/// or, with a terminal attached, a prompt that does not echo; never from an option (it would land in shell history
/// and in `ps`). The password is checked through Identity (lockout included) and failures are audited like the web's;
/// then the role is checked with Core's rule, and a refusal is audited too. Exit 2: no identity given (set the
/// variables); exit 3: wrong password, locked account or missing role.</summary>
internal static class CliIdentity
{
    public const string UserVariable = "STUDIO_USER";
    public const string PasswordVariable = "STUDIO_PASSWORD";
    public const string Via = "cli";

    /// <summary>Signs in against the (migrated) database of <paramref name="services"/> and checks <paramref name="permission"/>.
    /// Writes why to stderr when refused.</summary>
    public static async Task<CliSignIn> SignInAsync(IServiceProvider services, StudioPermission permission, CancellationToken ct)
    {
        if (MissingUser(permission) is { } refused) return refused;
        var name = Environment.GetEnvironmentVariable(UserVariable)!.Trim();
        var password = ReadSecret(PasswordVariable, $"Password for {name}:", confirm: false);
        if (password is null)
            return Refuse(ExitCodes.UsageOrInput,
                $"no password for {name}: set the {PasswordVariable} environment variable or run in an interactive terminal");

        await using var scope = services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<PasswordSignIn>();
        var result = await signIn.SignInAsync(name, password, Via, Origin, ct);
        if (!result.Succeeded) return Refuse(ExitCodes.Refused, $"sign-in as {name} failed: {result.Message}");
        var user = result.User!;
        if (Access.Check(user, permission) is { Allowed: false, Reason: { } reason })
        {
            await scope.ServiceProvider.GetRequiredService<AccessRefusals>().RecordAsync(user, permission, reason, Via, ct: ct);
            return Refuse(ExitCodes.Refused, reason);
        }
        return new CliSignIn(user, ExitCodes.Ok);
    }

    /// <summary>True when STUDIO_USER names someone (the verb may still refuse the password or the role).</summary>
    public static bool UserGiven => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(UserVariable));

    /// <summary>A secret from <paramref name="variable"/>, else from a no-echo prompt when a terminal is attached
    /// (asked twice when <paramref name="confirm"/>); null when neither gives one.</summary>
    public static string? ReadSecret(string variable, string prompt, bool confirm)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        if (Console.IsInputRedirected || !AnsiConsole.Profile.Capabilities.Interactive) return null;
        var secret = AnsiConsole.Prompt(new TextPrompt<string>(prompt).Secret());
        if (!confirm) return secret;
        var again = AnsiConsole.Prompt(new TextPrompt<string>(prompt.TrimEnd(':') + " again:").Secret());
        if (secret == again) return secret;
        Console.Error.WriteLine("the two passwords differ");
        return null;
    }

    /// <summary>What the audit log keeps about where a failed CLI sign-in came from (the web keeps the remote address).</summary>
    private static string Origin => $"{Environment.UserName}@{Environment.MachineName}";

    private static CliSignIn? MissingUser(StudioPermission permission) => UserGiven ? null
        : Refuse(ExitCodes.UsageOrInput,
            $"sign in first: this command changes data and needs a user who may {Access.Verb(permission)}. " +
            $"Set {UserVariable} to your user name and {PasswordVariable} to your password " +
            $"(or leave {PasswordVariable} unset in an interactive terminal to be asked).");

    private static CliSignIn Refuse(int exitCode, string message)
    {
        Console.Error.WriteLine("error: " + message);
        return new CliSignIn(null, exitCode);
    }
}
