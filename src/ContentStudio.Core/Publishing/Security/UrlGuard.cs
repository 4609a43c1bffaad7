using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ContentStudio.Core.Publishing.Security;

/// <summary>The verdict on a webhook URL: null Reason means allowed.</summary>
public sealed record UrlVerdict(string? Reason)
{
    public bool Allowed => Reason is null;
    public static readonly UrlVerdict Ok = new((string?)null);
}

/// <summary>Keeps webhooks from being pointed at the studio's own network (SSRF): only https (http for hosts an admin
/// listed in Publishing:AllowHttpHosts), no credentials in
/// the URL, and no address that is private, loopback, link-local, unique-local, multicast, reserved or unspecified,
/// in any spelling (IPv4-mapped IPv6, decimal / octal / hex IPv4). Host names are resolved and every address
/// they resolve to must pass; at send time <see cref="GuardedConnector"/> connects to the address it checked, so a
/// DNS answer that changes between check and connect cannot slip through.</summary>
public sealed class UrlGuard(bool allowLoopback, Func<string, CancellationToken, Task<IPAddress[]>>? resolver = null,
    IEnumerable<string>? allowHttpHosts = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolver ?? Dns.GetHostAddressesAsync;
    private readonly HashSet<string> _httpHosts = new((allowHttpHosts ?? []).Select(h => h.Trim().TrimEnd('.')), StringComparer.OrdinalIgnoreCase);

    /// <summary>The guard the publishing settings describe (loopback for tests, hosts allowed plain http).</summary>
    public static UrlGuard For(PublishingOptions options) =>
        new(options.AllowLoopbackTargets, allowHttpHosts: options.AllowHttpHosts);

    public bool AllowLoopback => allowLoopback;

    /// <summary>Checks the URL's shape and, for a literal address, the address. Host names need <see cref="CheckAsync"/>.</summary>
    public UrlVerdict CheckShape(string? url, out Uri? uri)
    {
        var shape = CheckShapeOnly(url, out uri);
        return shape.Allowed && uri is not null ? CheckScheme(uri) : shape;
    }

    private UrlVerdict CheckShapeOnly(string? url, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url)) return new("the URL is empty");
        if (url.Any(char.IsControl) || url.Any(char.IsWhiteSpace)) return new("the URL contains spaces or control characters");
        // On Unix a bare "/path" parses as an absolute file: URI; it is a relative URL all the same.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.IsFile && !url.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
            return new("the URL is not an absolute URL");
        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            return new($"the scheme '{parsed.Scheme}' is not allowed (only http and https)");
        if (parsed.UserInfo.Length > 0 || url.Split('?', '#')[0].Contains('@'))
            return new("the URL carries credentials (user:password@); put secrets in configuration instead");
        if (parsed.Host.Length == 0) return new("the URL has no host");
        uri = parsed;
        var host = parsed.IdnHost.Trim('[', ']');
        if (IsLocalName(host)) return Check(IPAddress.Loopback, $"host '{host}'");
        if (ParseAddress(host) is { } literal) return Check(literal, $"address {literal}");
        return UrlVerdict.Ok;
    }

    /// <summary>Webhook payloads are signed but not secret-proof on the wire: plain http is refused unless an admin
    /// listed the host in Publishing:AllowHttpHosts, or the host is loopback with Publishing:AllowLoopbackTargets on
    /// (the tests' receivers). The exception is a setting, not a form field, so it is made where deployments are changed
    /// and reviewed, by someone who runs the studio, rather than by any admin in the UI.</summary>
    private UrlVerdict CheckScheme(Uri uri)
    {
        var host = uri.IdnHost.Trim('[', ']');
        if (uri.Scheme == Uri.UriSchemeHttps || _httpHosts.Contains(host.TrimEnd('.'))) return UrlVerdict.Ok;
        var loopback = IsLocalName(host) || ParseAddress(host) is { } a && IPAddress.IsLoopback(a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a);
        if (allowLoopback && loopback) return UrlVerdict.Ok;
        return new($"plain http is not allowed for webhooks (payloads and signatures would travel unencrypted); use https, " +
                   $"or have an admin add '{host}' to the setting {PublishingOptions.Section}:{nameof(PublishingOptions.AllowHttpHosts)}");
    }

    /// <summary>The full check: shape, every address the host resolves to, then the scheme. Addresses come first so
    /// that a URL aimed inside the network is refused as such, whatever its scheme.</summary>
    public async Task<UrlVerdict> CheckAsync(string? url, CancellationToken ct = default)
    {
        var shape = CheckShapeOnly(url, out var uri);
        if (!shape.Allowed || uri is null) return shape;
        var host = uri.IdnHost.Trim('[', ']');
        if (ParseAddress(host) is null && !IsLocalName(host) && (await ResolveAsync(host, ct)).Verdict is { Allowed: false } resolved)
            return resolved;
        return CheckScheme(uri);
    }

    /// <summary>Resolves a host name and returns the first address, provided every resolved address is allowed.</summary>
    public async Task<(IPAddress? Address, UrlVerdict Verdict)> ResolveAsync(string host, CancellationToken ct)
    {
        if (ParseAddress(host) is { } literal) return (literal, Check(literal, $"address {literal}"));
        if (IsLocalName(host)) { var v = Check(IPAddress.Loopback, $"host '{host}'"); return (v.Allowed ? IPAddress.Loopback : null, v); }
        IPAddress[] addresses;
        try { addresses = await _resolve(host, ct); }
        catch (SocketException e) { return (null, new($"host '{host}' does not resolve ({e.SocketErrorCode})")); }
        if (addresses.Length == 0) return (null, new($"host '{host}' does not resolve"));
        foreach (var address in addresses)
        {
            var verdict = Check(address, $"host '{host}' resolves to {address}");
            if (!verdict.Allowed) return (null, verdict);
        }
        return (addresses[0], UrlVerdict.Ok);
    }

    public UrlVerdict Check(IPAddress address, string what)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (allowLoopback && IPAddress.IsLoopback(address) && (address.Equals(IPAddress.Loopback) || address.Equals(IPAddress.IPv6Loopback)))
            return UrlVerdict.Ok;
        var kind = address.AddressFamily == AddressFamily.InterNetwork ? ClassifyV4(address.GetAddressBytes()) : ClassifyV6(address);
        return kind is null ? UrlVerdict.Ok : new($"{what} is {kind}; webhooks may only reach public addresses");
    }

    private static bool IsLocalName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    private static string? ClassifyV4(byte[] b) => (b[0], b[1]) switch
    {
        (0, _) => "an unspecified/\"this network\" address (0.0.0.0/8)",
        (10, _) => "a private address (10.0.0.0/8)",
        (100, >= 64 and <= 127) => "a shared carrier-grade NAT address (100.64.0.0/10)",
        (127, _) => "a loopback address (127.0.0.0/8)",
        (169, 254) => "a link-local address (169.254.0.0/16, cloud metadata lives here)",
        (172, >= 16 and <= 31) => "a private address (172.16.0.0/12)",
        (192, 0) when b[2] == 0 => "a reserved protocol address (192.0.0.0/24)",
        (192, 0) when b[2] == 2 => "a documentation address (192.0.2.0/24)",
        (192, 168) => "a private address (192.168.0.0/16)",
        (198, 18 or 19) => "a benchmarking address (198.18.0.0/15)",
        (198, 51) when b[2] == 100 => "a documentation address (198.51.100.0/24)",
        (203, 0) when b[2] == 113 => "a documentation address (203.0.113.0/24)",
        ( >= 224 and <= 239, _) => "a multicast address (224.0.0.0/4)",
        ( >= 240, _) => "a reserved or broadcast address (240.0.0.0/4)",
        _ => null,
    };

    private static string? ClassifyV6(IPAddress a)
    {
        if (a.Equals(IPAddress.IPv6None) || a.Equals(IPAddress.IPv6Any)) return "the unspecified address (::)";
        if (a.Equals(IPAddress.IPv6Loopback)) return "the loopback address (::1)";
        var b = a.GetAddressBytes();
        if (a.IsIPv6LinkLocal || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)) return "a link-local address (fe80::/10)";
        if (a.IsIPv6SiteLocal) return "a site-local address (fec0::/10)";
        if ((b[0] & 0xfe) == 0xfc) return "a unique-local address (fc00::/7)";
        if (b[0] == 0xff) return "a multicast address (ff00::/8)";
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return "a documentation address (2001:db8::/32)";
        // Addresses that carry an IPv4 address inside: judge the IPv4 address.
        var embedded = b.Take(12).All(x => x == 0) ? b[12..] // IPv4-compatible ::a.b.c.d
            : b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].All(x => x == 0) ? b[12..] // NAT64 64:ff9b::/96
            : b[0] == 0x20 && b[1] == 0x02 ? b[2..6] // 6to4 2002::/16
            : null;
        if (embedded is not null && ClassifyV4(embedded) is { } inner) return $"an IPv6 address wrapping {new IPAddress(embedded)}, {inner}";
        return null;
    }

    /// <summary>A literal address in any spelling a resolver or browser accepts: IPv6, dotted IPv4, and the legacy
    /// inet_aton forms (one to four parts, each decimal, 0-prefixed octal or 0x-prefixed hex: 2130706433, 0x7f.1,
    /// 0177.0.0.1). Null when the host is a name.</summary>
    public static IPAddress? ParseAddress(string host)
    {
        host = host.Trim('[', ']').TrimEnd('.');
        if (host.Contains(':')) return IPAddress.TryParse(host, out var v6) ? v6 : null;
        var parts = host.Split('.');
        if (parts.Length is 0 or > 4) return null;
        var values = new List<ulong>();
        foreach (var part in parts)
        {
            if (ParsePart(part) is not { } value) return null;
            values.Add(value);
        }
        ulong result = 0;
        for (var i = 0; i < values.Count - 1; i++)
        {
            if (values[i] > 255) return null;
            result |= values[i] << (8 * (3 - i));
        }
        var last = values[^1];
        var lastBits = 8 * (5 - values.Count);
        if (lastBits < 64 && last >= 1UL << lastBits) return null;
        result |= last;
        if (result > uint.MaxValue) return null;
        return new IPAddress([(byte)(result >> 24), (byte)(result >> 16), (byte)(result >> 8), (byte)result]);
    }

    private static ulong? ParsePart(string part)
    {
        if (part.Length == 0) return null;
        if (part.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return part.Length == 2 ? 0 : ulong.TryParse(part[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h) ? h : null;
        if (part.Length > 1 && part[0] == '0')
        {
            ulong octal = 0;
            foreach (var c in part[1..])
            {
                if (c is < '0' or > '7') return null;
                octal = checked(octal * 8 + (ulong)(c - '0'));
            }
            return octal;
        }
        return part.All(char.IsAsciiDigit) && ulong.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
