using System.Net;
using ContentStudio.Core.Publishing.Security;

namespace ContentStudio.Core.Tests.Publishing;

public class UrlGuardTests
{
    /// <summary>A resolver that knows a few names; anything else does not resolve. No network in unit tests.</summary>
    private static Task<IPAddress[]> FakeDns(string host, CancellationToken ct) => Task.FromResult<IPAddress[]>(host switch
    {
        "hooks.partner.example" => [IPAddress.Parse("93.184.216.34")],
        "internal.partner.example" => [IPAddress.Parse("10.1.2.3")],
        "mixed.partner.example" => [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("192.168.1.5")],
        "metadata.partner.example" => [IPAddress.Parse("169.254.169.254")],
        "v6local.partner.example" => [IPAddress.Parse("fd00::1")],
        _ => throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound),
    });

    private static readonly UrlGuard Guard = new(allowLoopback: false, FakeDns);

    [Theory]
    [InlineData("ftp://hooks.partner.example/x", "scheme 'ftp'")]
    [InlineData("file:///etc/passwd", "scheme 'file'")]
    [InlineData("javascript:alert(1)", "scheme")]
    [InlineData("gopher://hooks.partner.example/", "scheme 'gopher'")]
    [InlineData("https://user:pass@hooks.partner.example/", "credentials")]
    [InlineData("https://hooks.partner.example@127.0.0.1/", "credentials")]
    [InlineData("http://127.0.0.1/hook", "loopback")]
    [InlineData("http://127.1/hook", "loopback")]
    [InlineData("http://2130706433/hook", "loopback")]
    [InlineData("http://0x7f000001/hook", "loopback")]
    [InlineData("http://0177.0.0.1/hook", "loopback")]
    [InlineData("http://0x7f.0.0.1/hook", "loopback")]
    [InlineData("http://localhost:8080/hook", "loopback")]
    [InlineData("http://api.localhost/hook", "loopback")]
    [InlineData("http://[::1]/hook", "loopback")]
    [InlineData("http://[::ffff:127.0.0.1]/hook", "loopback")]
    [InlineData("http://[::ffff:10.0.0.1]/hook", "private")]
    [InlineData("http://10.0.0.5/hook", "private")]
    [InlineData("http://172.16.3.4/hook", "private")]
    [InlineData("http://192.168.0.10/hook", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data", "link-local")]
    [InlineData("http://[fe80::1]/hook", "link-local")]
    [InlineData("http://[fd12:3456::1]/hook", "unique-local")]
    [InlineData("http://[ff02::1]/hook", "multicast")]
    [InlineData("http://224.0.0.1/hook", "multicast")]
    [InlineData("http://0.0.0.0/hook", "unspecified")]
    [InlineData("http://[::]/hook", "unspecified")]
    [InlineData("http://100.64.0.1/hook", "carrier-grade")]
    [InlineData("http://255.255.255.255/hook", "broadcast")]
    [InlineData("http://[64:ff9b::a00:1]/hook", "wrapping 10.0.0.1")]
    [InlineData("http://internal.partner.example/hook", "resolves to 10.1.2.3")]
    [InlineData("http://mixed.partner.example/hook", "resolves to 192.168.1.5")]
    [InlineData("http://metadata.partner.example/hook", "link-local")]
    [InlineData("http://v6local.partner.example/hook", "unique-local")]
    [InlineData("http://nowhere.partner.example/hook", "does not resolve")]
    [InlineData("/relative/hook", "not an absolute URL")]
    [InlineData("http://hooks.partner.example/a b", "spaces")]
    public async Task RefusesUrlsThatCouldReachTheStudiosOwnNetwork(string url, string reason)
    {
        var verdict = await Guard.CheckAsync(url);
        verdict.Allowed.ShouldBeFalse(url);
        verdict.Reason!.ShouldContain(reason, Case.Insensitive);
    }

    [Theory]
    [InlineData("https://hooks.partner.example/contentstudio")]
    [InlineData("https://93.184.216.34:8443/hook")]
    [InlineData("https://[2606:4700::1111]/hook")]
    public async Task AllowsPublicHttpsEndpoints(string url) => (await Guard.CheckAsync(url)).Allowed.ShouldBeTrue();

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook", true)]
    [InlineData("http://[::1]:5000/hook", true)]
    [InlineData("http://10.0.0.1/hook", false)]
    [InlineData("http://169.254.169.254/", false)]
    public async Task AllowLoopbackLetsOnlyLoopbackThrough(string url, bool allowed) =>
        (await new UrlGuard(allowLoopback: true, FakeDns).CheckAsync(url)).Allowed.ShouldBe(allowed);

    [Theory]
    [InlineData("2130706433", "127.0.0.1")]
    [InlineData("0x7f.1", "127.0.0.1")]
    [InlineData("0177.0.0.01", "127.0.0.1")]
    [InlineData("10.1", "10.0.0.1")]
    [InlineData("192.168.257", "192.168.1.1")]
    [InlineData("8.8.8.8", "8.8.8.8")]
    public void ReadsEveryLegacyIPv4Spelling(string host, string expected) => UrlGuard.ParseAddress(host)!.ToString().ShouldBe(expected);

    [Theory]
    [InlineData("hooks.partner.example")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("08.1.1.1")]
    public void NamesAndImpossibleNumbersAreNotAddresses(string host) => UrlGuard.ParseAddress(host).ShouldBeNull();
}
