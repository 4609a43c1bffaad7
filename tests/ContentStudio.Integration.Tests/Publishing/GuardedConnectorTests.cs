using ContentStudio.Testing;
using System.Net;
using ContentStudio.Core.Publishing.Security;

namespace ContentStudio.Integration.Tests.Publishing;

/// <summary>The send-time half of the SSRF guard, over real sockets: the host is resolved by the guard, every answer
/// checked, and the connection made to the address that was checked.</summary>
public class GuardedConnectorTests
{
    private static Func<string, CancellationToken, Task<IPAddress[]>> Dns(params IPAddress[] answer) => (_, _) => Task.FromResult(answer);

    [Fact]
    public async Task AHostNameResolvingToLoopbackIsRefusedBeforeAnyConnection()
    {
        await using var receiver = await WebhookReceiver.StartAsync("s");
        using var http = new HttpClient(GuardedConnector.CreateHandler(new UrlGuard(allowLoopback: false, Dns(IPAddress.Loopback))));
        var url = $"http://hooks.partner.example:{receiver.Url.Port}/hook";

        var e = await Should.ThrowAsync<HttpRequestException>(() => http.PostAsync(url, new StringContent("{}")));

        (e.InnerException as WebhookRefusedException ?? e.InnerException?.InnerException as WebhookRefusedException).ShouldNotBeNull();
        e.ToString().ShouldContain("resolves to 127.0.0.1");
        receiver.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnAnswerMixingPublicAndPrivateAddressesIsRefused()
    {
        using var http = new HttpClient(GuardedConnector.CreateHandler(
            new UrlGuard(allowLoopback: false, Dns(IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.8")))));
        var e = await Should.ThrowAsync<HttpRequestException>(() => http.PostAsync("http://hooks.partner.example/hook", new StringContent("{}")));
        e.ToString().ShouldContain("resolves to 10.0.0.8");
    }

    [Fact]
    public async Task TheConnectionGoesToTheCheckedAddressNotToAFreshLookup()
    {
        // "hooks.partner.example" exists in no DNS: the request can only arrive if the socket used the guard's answer.
        await using var receiver = await WebhookReceiver.StartAsync("s");
        using var http = new HttpClient(GuardedConnector.CreateHandler(new UrlGuard(allowLoopback: true, Dns(IPAddress.Loopback))));

        var response = await http.PostAsync($"http://hooks.partner.example:{receiver.Url.Port}/hook",
            new StringContent("{\"variantId\":\"00000000-0000-0000-0000-000000000001\"}"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized); // reached the receiver, which found no signature
        receiver.Requests.Count.ShouldBe(1);
    }
}
