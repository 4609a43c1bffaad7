using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Identity;

namespace ContentStudio.Web.Identity;

/// <summary>Sign-in and sign-out as plain form posts: cookies can only be written on a real HTTP response, never from a
/// Blazor circuit. The login page (static SSR) posts here; failures go back to it with a reason.</summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string AccessDeniedPath = "/account/access-denied";

    public sealed class LoginForm
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(LoginPath, async ([FromForm] LoginForm form, SignInManager<StudioIdentityUser> signIn,
            HttpContext http, ILoggerFactory logs, AuditLog audit) =>
        {
            var userName = form.UserName?.Trim() ?? "";
            var returnUrl = LocalOrHome(form.ReturnUrl);
            if (userName.Length == 0 || string.IsNullOrEmpty(form.Password))
                return Results.LocalRedirect(BackToLogin("missing", userName, returnUrl));
            var result = await signIn.PasswordSignInAsync(userName, form.Password, isPersistent: false, lockoutOnFailure: true);
            var remoteIp = http.Connection.RemoteIpAddress?.ToString();
            if (result.Succeeded)
            {
                var name = (await signIn.UserManager.FindByNameAsync(userName))?.UserName ?? userName;
                await audit.RecordAsync(new AuditEntry(name, AuditActions.SignedIn, "User", name, new { via = "web", remoteIp }));
                return Results.LocalRedirect(returnUrl);
            }

            var reason = result.IsLockedOut
                ? await signIn.UserManager.FindByNameAsync(userName) is { } locked && UserAdmin.IsDisabled(locked) ? SignInFailureReasons.Disabled : "locked"
                : result.IsNotAllowed ? "notallowed" : "invalid";
            // Never the password; the name and address are what an operator needs to spot guessing and the audit log keeps the attempt.
            logs.CreateLogger("ContentStudio.Identity.SignIn").LogWarning(
                "Sign-in failed for user {UserName} from {RemoteIp}: {Reason}", userName, http.Connection.RemoteIpAddress, reason);
            await audit.RecordAsync(new AuditEntry(userName, AuditActions.SignInFailed, "User", userName, new { reason, via = "web", remoteIp }));
            return Results.LocalRedirect(BackToLogin(reason, userName, returnUrl));
        }).AllowAnonymous();

        // Signing out changes state, so a cross-site form must not be able to do it: the sign-out form carries the
        // antiforgery token and a post without it is refused (400, the error page) and leaves the session alone.
        // Checked here because the endpoint binds no form field, so the antiforgery middleware would only record the result.
        app.MapPost(LogoutPath, async (HttpContext http, IAntiforgery antiforgery, SignInManager<StudioIdentityUser> signIn, AuditLog audit) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            var who = http.User.ToStudioUser();
            await signIn.SignOutAsync();
            if (who.IsAuthenticated)
                await audit.RecordAsync(new AuditEntry(who.Id, AuditActions.SignedOut, "User", who.Id,
                    new { via = "web", remoteIp = http.Connection.RemoteIpAddress?.ToString() }));
            return Results.LocalRedirect(LoginPath);
        });
        return app;
    }

    /// <summary>The message the login page shows for a failure reason from the query string.</summary>
    public static string? MessageFor(string? error) => error switch
    {
        "missing" => "Enter your user name and your password.",
        "invalid" => "Wrong user name or password. Check both and try again.",
        "locked" => "Too many failed attempts: this account is locked for 5 minutes.",
        SignInFailureReasons.Disabled => PasswordSignIn.MessageFor(SignInFailureReasons.Disabled),
        "notallowed" => "This account may not sign in yet. Ask an Admin.",
        _ => null,
    };

    /// <summary>Only paths on this site: an absolute or protocol-relative URL would make the login an open redirect.</summary>
    public static string LocalOrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    private static string BackToLogin(string error, string userName, string returnUrl) =>
        $"{LoginPath}?error={error}&userName={Uri.EscapeDataString(userName)}&returnUrl={Uri.EscapeDataString(returnUrl)}";
}
