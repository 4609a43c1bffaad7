using System.Net;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Publishing.Security;

namespace ContentStudio.Core.Tests.Publishing;

/// <summary>Webhooks carry signed content over the internet: https only, plain http just for a host an admin listed in
/// Publishing:AllowHttpHosts, or loopback when Publishing:AllowLoopbackTargets is on (the tests' receivers).</summary>
public class UrlGuardHttpsTests
{
    private static Task<IPAddress[]> PublicDns(string host, CancellationToken ct) =>
        Task.FromResult<IPAddress[]>(host == "internal.partner.example" ? [IPAddress.Parse("10.1.2.3")] : [IPAddress.Parse("93.184.216.34")]);

    private static UrlGuard Guard(bool loopback = false, params string[] httpHosts) => new(loopback, PublicDns, httpHosts);

    [Theory]
    [InlineData("http://hooks.partner.example/hook", "hooks.partner.example")]
    [InlineData("http://93.184.216.34:8443/hook", "93.184.216.34")]
    public async Task RefusesPlainHttpAndSaysHowToAllowIt(string url, string host)
    {
        var verdict = await Guard().CheckAsync(url);
        verdict.Allowed.ShouldBeFalse();
        verdict.Reason.ShouldBe("plain http is not allowed for webhooks (payloads and signatures would travel unencrypted); use https, " +
                                $"or have an admin add '{host}' to the setting Publishing:AllowHttpHosts");
    }

    [Fact]
    public void RefusesPlainHttpAtSendTimeToo() =>
        Guard().CheckShape("http://hooks.partner.example/hook", out _).Reason!.ShouldContain("Publishing:AllowHttpHosts");

    [Theory]
    [InlineData("http://hooks.partner.example/hook")]
    [InlineData("http://HOOKS.partner.example:8080/hook")]
    public async Task AllowsPlainHttpForAListedHost(string url) =>
        (await Guard(false, "hooks.partner.example").CheckAsync(url)).Allowed.ShouldBeTrue();

    [Fact]
    public async Task AListedHostIsNoWayPastTheAddressCheck() =>
        (await Guard(false, "internal.partner.example").CheckAsync("http://internal.partner.example/hook")).Reason!.ShouldContain("private");

    [Fact]
    public async Task AnotherHostStaysRefusedWhenOneIsListed() =>
        (await Guard(false, "hooks.partner.example").CheckAsync("http://other.partner.example/hook")).Allowed.ShouldBeFalse();

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook")]
    [InlineData("http://[::1]:5000/hook")]
    [InlineData("http://localhost:5000/hook")]
    public async Task LoopbackReceiversMayUseHttpWhenLoopbackIsAllowed(string url) =>
        (await Guard(loopback: true).CheckAsync(url)).Allowed.ShouldBeTrue();

    [Fact]
    public void TheSettingsBuildTheGuard() =>
        UrlGuard.For(new PublishingOptions { AllowHttpHosts = ["hooks.partner.example"] })
            .CheckShape("http://hooks.partner.example/hook", out _).Allowed.ShouldBeTrue();
}
