using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ContentStudio.E2E.Tests.Infrastructure;

/// <summary>Who is calling, in the order the matrices list them.</summary>
public enum Who { Anonymous, Marketer, BrandManager, PromptEngineer, Admin }

/// <summary>Plain HttpClients against the running app, one per principal, signed in through the real login form
/// (GET the page, take its antiforgery token, POST the form) with their own cookie jar. Redirects are not followed,
/// so a test sees exactly what the server answered.</summary>
public static partial class StudioHttp
{
    private static readonly ConcurrentDictionary<(string, Who), Lazy<Task<HttpClient>>> Clients = new();

    public static TestUser? UserFor(Who who) => who switch
    {
        Who.Marketer => TestUsers.Marketer,
        Who.BrandManager => TestUsers.BrandManager,
        Who.PromptEngineer => TestUsers.PromptEngineer,
        Who.Admin => TestUsers.Admin,
        _ => null,
    };

    /// <summary>The client of <paramref name="who"/>, signed in once per app run.</summary>
    public static Task<HttpClient> ClientAsync(IStudioApp app, Who who) =>
        Clients.GetOrAdd((app.BaseUrl, who), _ => new(async () => UserFor(who) is { } user ? (await SignInAsync(app, user)).Client : NewClient(app).Client)).Value;

    public static (HttpClient Client, CookieContainer Cookies) NewClient(IStudioApp app)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = new Uri(app.BaseUrl),
        };
        return (client, cookies);
    }

    /// <summary>Signs in through the login form; returns the client and the login POST's response (its Set-Cookie headers).</summary>
    public static async Task<(HttpClient Client, HttpResponseMessage Login)> SignInAsync(IStudioApp app, TestUser user)
    {
        var (client, _) = NewClient(app);
        var token = await AntiforgeryTokenAsync(client, "/account/login");
        var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user.UserName, ["Password"] = user.Password, ["ReturnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in {user.UserName}");
        login.Headers.Location!.OriginalString.ShouldBe("/", $"{user.UserName} was sent back to the login page: wrong password?");
        return (client, login);
    }

    /// <summary>The antiforgery token of the form on <paramref name="path"/>, as a browser would post it back.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        var input = AntiforgeryInput().Match(page);
        input.Success.ShouldBeTrue($"{path} carries an antiforgery token");
        return WebUtility.HtmlDecode(ValueAttribute().Match(input.Value).Groups[1].Value);
    }

    public static StringContent Json(object? body) =>
        new(body is null ? "{}" : JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body = null) => client.PostAsync(path, Json(body));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) => client.PutAsync(path, Json(body));

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web))!;

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
