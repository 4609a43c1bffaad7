using System.Net;
using ContentStudio.Core.Review;
using ContentStudio.E2E.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.E2E.Tests.Api;

/// <summary>The authorisation matrix over HTTP: every principal × every API action against the real server, each case
/// on its own fresh variant, and the variant read back afterwards to show the action happened exactly when it was
/// allowed.</summary>
[Collection(StudioAppCollection.Name)]
public class ApiAuthorizationMatrixTests(StudioAppFixture app)
{
    private const int Ok = 200, Created = 201, Accepted = 202, NoContent = 204, SignIn = 401, Denied = 403, HeldBySomeoneElse = 409;

    /// <summary>What each principal gets, as the issue and the review rules state them: reading is for anyone signed in;
    /// marketers write, submit and edit; brand managers decide; admins submit, override (justified) and publish but
    /// never approve plainly; prompt engineers only read and comment. Nobody is let in without signing in.</summary>
    private static readonly (string Action, int[] Status)[] Rules =
    [
        //                                    anonymous  marketer   brand mgr  prompt eng  admin
        ("read the queue",                   [SignIn,    Ok,        Ok,        Ok,         Ok]),
        ("read a variant",                   [SignIn,    Ok,        Ok,        Ok,         Ok]),
        ("submit",                           [SignIn,    Ok,        Ok,        Denied,     Ok]),
        ("claim",                            [SignIn,    NoContent, NoContent, NoContent,  NoContent]),
        ("release someone else's claim",     [SignIn,    HeldBySomeoneElse, NoContent, HeldBySomeoneElse, NoContent]),
        ("approve",                          [SignIn,    Denied,    Ok,        Denied,     Denied]),
        ("override with a justification",    [SignIn,    Denied,    Ok,        Denied,     Ok]),
        ("reject",                           [SignIn,    Denied,    Ok,        Denied,     Denied]),
        ("request changes",                  [SignIn,    Denied,    Ok,        Denied,     Denied]),
        ("comment",                          [SignIn,    Created,   Created,   Created,    Created]),
        ("edit",                             [SignIn,    Ok,        Ok,        Denied,     Denied]),
        ("publish",                          [SignIn,    Denied,    Accepted,  Denied,     Accepted]),
    ];

    public static TheoryData<string, Who, int> Cases()
    {
        var data = new TheoryData<string, Who, int>();
        foreach (var (action, status) in Rules)
            foreach (var who in Enum.GetValues<Who>()) data.Add(action, who, status[(int)who]);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task EveryPrincipalGetsWhatTheRulesGiveAndTheVariantChangesOnlyWhenAllowed(string action, Who who, int expected)
    {
        var pool = await VariantPool.ForAsync(app);
        var scenario = Scenarios[action];
        var id = await scenario.Arrange(pool);
        var reader = await StudioHttp.ClientAsync(app, Who.Admin);
        var before = await ReadAsync(reader, id);

        var client = await StudioHttp.ClientAsync(app, who);
        var response = await scenario.Act(client, id, before, pool);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(expected, $"{who} → {action}: {body}");

        if (expected == SignIn)
        {
            response.Headers.Location.ShouldBeNull("the API answers 401, never a redirect to the login page");
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        }
        if (expected is Denied or HeldBySomeoneElse)
        {
            // Core's own reason, naming who was refused.
            var problem = await response.ReadAsync<ProblemJson>();
            problem.Detail.ShouldContain(expected == Denied ? $"{StudioHttp.UserFor(who)!.UserName} may not" : "already claimed by carla");
        }

        var after = await ReadAsync(reader, id);
        scenario.Check(before, after, StudioHttp.UserFor(who)?.UserName ?? "", expected < 300);
    }

    private static async Task<VariantJson> ReadAsync(HttpClient reader, Guid id)
    {
        var response = await reader.GetAsync($"/api/variants/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ReadAsync<VariantJson>();
    }

    private sealed record Scenario(
        Func<VariantPool, Task<Guid>> Arrange,
        Func<HttpClient, Guid, VariantJson, VariantPool, Task<HttpResponseMessage>> Act,
        Action<VariantJson, VariantJson, string, bool> Check);

    private const string Justification = "Legal signed off the claim in ticket LEG-42; shipping today.";

    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["read the queue"] = new(p => Task.FromResult(p.Shared),
            async (c, id, _, _) => await c.GetAsync("/api/queue?state=Generated&sort=Age"),
            (b, a, _, _) => a.State.ShouldBe(b.State)),
        ["read a variant"] = new(p => Task.FromResult(p.Shared),
            async (c, id, _, _) => await c.GetAsync($"/api/variants/{id}"),
            (b, a, _, _) => a.State.ShouldBe(b.State)),
        ["submit"] = new(p => p.TakeAsync(ReviewState.Generated),
            (c, id, _, _) => c.PostJsonAsync($"/api/variants/{id}/submit"),
            (_, a, _, done) => a.State.ShouldBe(done ? "InReview" : "Generated")),
        ["claim"] = new(p => p.TakeAsync(ReviewState.Generated),
            (c, id, _, _) => c.PostJsonAsync($"/api/variants/{id}/claim"),
            (_, a, user, done) => a.AssignedTo.ShouldBe(done ? user : null)),
        ["release someone else's claim"] = new(p => p.TakeClaimedByAsync(TestUsers.SecondBrandManager),
            (c, id, _, _) => c.PostJsonAsync($"/api/variants/{id}/release"),
            (_, a, _, done) => a.AssignedTo.ShouldBe(done ? null : TestUsers.SecondBrandManager.UserName)),
        ["approve"] = new(p => p.TakeAsync(ReviewState.InReview),
            (c, id, v, _) => c.PostJsonAsync($"/api/variants/{id}/approve", new { seenHash = v.ContentHash, comment = "Reads well." }),
            (b, a, user, done) => Decided(a, done, "Approved", "Approve", user, "Reads well.", b.ContentHash)),
        ["override with a justification"] = new(p => p.TakeAsync(ReviewState.InReview),
            (c, id, v, _) => c.PostJsonAsync($"/api/variants/{id}/override", new { seenHash = v.ContentHash, justification = Justification }),
            (b, a, user, done) => Decided(a, done, "Approved", "OverrideApprove", user, Justification, b.ContentHash)),
        ["reject"] = new(p => p.TakeAsync(ReviewState.InReview),
            (c, id, _, _) => c.PostJsonAsync($"/api/variants/{id}/reject", new { reason = "Off brand: too pushy." }),
            (b, a, user, done) => Decided(a, done, "Rejected", "Reject", user, "Off brand: too pushy.", b.ContentHash)),
        ["request changes"] = new(p => p.TakeAsync(ReviewState.InReview),
            (c, id, _, _) => c.PostJsonAsync($"/api/variants/{id}/request-changes", new { feedback = "Mention the free grinder." }),
            (b, a, user, done) => Decided(a, done, "ChangesRequested", "RequestChanges", user, "Mention the free grinder.", b.ContentHash)),
        ["comment"] = new(p => p.TakeAsync(ReviewState.InReview),
            (c, id, _, _) => c.PostJsonAsync($"/api/variants/{id}/comments", new { text = "Is the price right?" }),
            (_, a, user, done) => a.Comments.ShouldBe(done ? [new CommentJson(user, "Is the price right?")] : [])),
        ["edit"] = new(p => p.TakeAsync(ReviewState.Generated),
            (c, id, v, _) => c.PutJsonAsync($"/api/variants/{id}/content", new { fields = Edited(v.Fields), token = v.ConcurrencyToken }),
            (b, a, _, done) =>
            {
                a.Fields.ShouldBe(done ? Edited(b.Fields) : b.Fields, ignoreOrder: true);
                (a.ContentHash != b.ContentHash).ShouldBe(done);
            }),
        ["publish"] = new(p => p.TakeAsync(ReviewState.Approved),
            (c, id, _, p) => c.PostJsonAsync($"/api/variants/{id}/publish", new { targetId = p.TargetId, dueUtc = DateTime.UtcNow.AddDays(2) }),
            (_, a, _, done) => a.State.ShouldBe(done ? "Scheduled" : "Approved")),
    };

    /// <summary>Either the decision is on record in the new state, or the variant is still InReview with no decision.</summary>
    private static void Decided(VariantJson after, bool done, string state, string action, string user, string comment, string hash)
    {
        after.State.ShouldBe(done ? state : "InReview");
        after.Decisions.ShouldBe(done ? [new DecisionJson(action, user, hash, comment)] : []);
    }

    private static Dictionary<string, string> Edited(IReadOnlyDictionary<string, string> fields)
    {
        var first = fields.Keys.Order(StringComparer.Ordinal).First();
        return new Dictionary<string, string>(fields) { [first] = fields[first] + " Now with free delivery." };
    }
}
