using System.CommandLine;
using ContentStudio.Core;
using ContentStudio.Core.Data;
using ContentStudio.Core.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio users add --name NAME --role ROLE [--role ROLE] [--display-name TEXT]` and `studio users list`.
/// The password comes from STUDIO_PASSWORD or an interactive prompt that does not echo, never from the command line
/// (it would land in shell history and in `ps`). Exit 0 done, 2 invalid input (what to fix is printed).</summary>
internal static class UsersCommand
{
    public const string PasswordVariable = "STUDIO_PASSWORD";

    public static Command Build() => new("users", "Studio accounts: who may sign in, with which roles.") { Add(), List() };

    private static Command Add()
    {
        var name = new Option<string>("--name") { Description = "Sign-in name (letters, digits and - . _ @ +)", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = $"A role: {string.Join(", ", IdentityRoles.All)}. Repeat for several.", Required = true,
        };
        var displayName = new Option<string?>("--display-name") { Description = "Name shown in the studio (default: the sign-in name)" };
        var command = new Command("add", $"Add a user. Password from the {PasswordVariable} environment variable, else asked for.")
            { name, roles, displayName };
        command.SetAction(async (result, ct) =>
        {
            var password = ReadPassword();
            if (password is null)
            {
                Console.Error.WriteLine($"no password: set the {PasswordVariable} environment variable or run in an interactive terminal");
                return ExitCodes.UsageOrInput;
            }
            await using var services = BuildServices();
            await DatabaseInitializer.MigrateAsync(services, ct);
            await using var scope = services.CreateAsyncScope();
            var userName = result.GetValue(name)!;
            var outcome = await scope.ServiceProvider.GetRequiredService<UserAdmin>().CreateUserAsync(
                IdentityActor.Operator(Environment.UserName), userName, result.GetValue(displayName), password, result.GetValue(roles) ?? [], ct);
            if (!outcome.Succeeded)
            {
                Console.Error.WriteLine($"user {userName} was not added:");
                foreach (var e in outcome.Errors) Console.Error.WriteLine($"  {OptionFor(e.Field)}: {e.Message}");
                return ExitCodes.UsageOrInput;
            }
            Console.WriteLine($"added {userName.Trim()} ({string.Join(", ", (result.GetValue(roles) ?? []).Select(IdentityRoles.Normalize).Distinct())})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List users and their roles.");
        command.SetAction(async (result, ct) =>
        {
            await using var services = BuildServices();
            await DatabaseInitializer.MigrateAsync(services, ct);
            await using var scope = services.CreateAsyncScope();
            var users = await scope.ServiceProvider.GetRequiredService<UserAdmin>().ListAsync(ct);
            if (users.Count == 0) Console.WriteLine("no users yet (the web app creates \"admin\" on its first start)");
            foreach (var u in users) Console.WriteLine($"{u.UserName}\t{u.DisplayName}\t{string.Join(",", u.Roles)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? ReadPassword()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PasswordVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        if (Console.IsInputRedirected || !AnsiConsole.Profile.Capabilities.Interactive) return null;
        var password = AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
        var again = AnsiConsole.Prompt(new TextPrompt<string>("Password again:").Secret());
        if (password == again) return password;
        Console.Error.WriteLine("the two passwords differ");
        return null;
    }

    private static string OptionFor(string field) => field switch
    {
        "userName" => "--name",
        "displayName" => "--display-name",
        "roles" => "--role",
        "password" => $"password ({PasswordVariable} or the prompt)",
        _ => field,
    };

    private static ServiceProvider BuildServices() => CliHost.Build();
}
