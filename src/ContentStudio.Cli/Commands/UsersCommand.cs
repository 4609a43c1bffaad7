using System.CommandLine;
using ContentStudio.Core;
using ContentStudio.Core.Data;
using ContentStudio.Core.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio users add --name NAME --role ROLE [--role ROLE] [--display-name TEXT]` and `studio users list`.
/// Adding needs a signed-in Admin (STUDIO_USER / STUDIO_PASSWORD), except the very first user of an empty database,
/// who must be an Admin (a CLI-only install has no web first start to create one). The new user's password comes from
/// STUDIO_NEW_PASSWORD or an interactive prompt that does not echo, never from the command line (it would land in shell
/// history and in `ps`). Exit 0 done, 2 invalid input or no identity (what to fix is printed), 3 sign-in or role refused.</summary>
internal static class UsersCommand
{
    public const string NewPasswordVariable = "STUDIO_NEW_PASSWORD";

    public static Command Build() => new("users", "Studio accounts: who may sign in, with which roles.") { Add(), List() };

    private static Command Add()
    {
        var name = new Option<string>("--name") { Description = "Sign-in name (letters, digits and - . _ @ +)", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = $"A role: {string.Join(", ", StudioRoles.All)}. Repeat for several.", Required = true,
        };
        var displayName = new Option<string?>("--display-name") { Description = "Name shown in the studio (default: the sign-in name)" };
        var command = new Command("add",
            $"Add a user (needs an Admin signed in with {CliIdentity.UserVariable} and {CliIdentity.PasswordVariable}, except the first " +
            $"user of an empty database, who must get --role Admin). The new user's password comes from the {NewPasswordVariable} " +
            "environment variable, else it is asked for.")
            { name, roles, displayName };
        command.SetAction(async (result, ct) =>
        {
            await using var services = BuildServices();
            await DatabaseInitializer.MigrateAsync(services, ct);
            StudioUser? actor = null;
            bool bootstrap;
            await using (var scope = services.CreateAsyncScope())
                bootstrap = !CliIdentity.UserGiven && !await scope.ServiceProvider.GetRequiredService<UserAdmin>().AnyUsersAsync(ct);
            if (!bootstrap)
            {
                var signIn = await CliIdentity.SignInAsync(services, StudioPermission.ManageUsers, ct);
                if (signIn.Refused) return signIn.ExitCode;
                actor = signIn.User!;
            }
            var password = CliIdentity.ReadSecret(NewPasswordVariable, "Password of the new user:", confirm: true);
            if (password is null)
            {
                Console.Error.WriteLine($"no password for the new user: set the {NewPasswordVariable} environment variable or run in an interactive terminal");
                return ExitCodes.UsageOrInput;
            }
            var userName = result.GetValue(name)!;
            UserAdminResult outcome;
            await using (var scope = services.CreateAsyncScope())
            {
                var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
                try
                {
                    outcome = actor is null
                        ? await admin.CreateFirstAdminAsync(Environment.UserName, userName, result.GetValue(displayName), password, result.GetValue(roles) ?? [], ct)
                        : await admin.CreateUserAsync(actor, userName, result.GetValue(displayName), password, result.GetValue(roles) ?? [], ct);
                }
                catch (UnauthorizedAccessException e)
                {
                    // Another process added the first user since we looked: this one is no longer a bootstrap.
                    Console.Error.WriteLine($"error: {e.Message} Set {CliIdentity.UserVariable} and {CliIdentity.PasswordVariable} to an Admin's.");
                    return ExitCodes.UsageOrInput;
                }
            }
            if (!outcome.Succeeded)
            {
                Console.Error.WriteLine($"user {userName} was not added:");
                foreach (var e in outcome.Errors) Console.Error.WriteLine($"  {OptionFor(e.Field)}: {e.Message}");
                return ExitCodes.UsageOrInput;
            }
            Console.WriteLine($"added {userName.Trim()} ({string.Join(", ", (result.GetValue(roles) ?? []).Select(StudioRoles.Normalize).Distinct())})");
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
            if (users.Count == 0)
                Console.WriteLine("no users yet (the web app creates \"admin\" on its first start; or add the first Admin with " +
                                  "`studio users add --name NAME --role Admin`)");
            foreach (var u in users) Console.WriteLine($"{u.UserName}\t{u.DisplayName}\t{string.Join(",", u.Roles)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string OptionFor(string field) => field switch
    {
        "userName" => "--name",
        "displayName" => "--display-name",
        "roles" => "--role",
        "password" => $"password ({NewPasswordVariable} or the prompt)",
        _ => field,
    };

    private static ServiceProvider BuildServices() => CliHost.Build();
}
