using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace ContentStudio.Core.Publishing.Security;

/// <summary>An HttpClient handler whose connections go only to addresses the <see cref="UrlGuard"/> approved at
/// connect time: DNS is resolved here, every answer checked, and the socket connects to the checked address
/// (no second lookup to rebind). Redirects are never followed and no proxy is used.</summary>
public static class GuardedConnector
{
    public static SocketsHttpHandler CreateHandler(UrlGuard guard) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, ct) =>
        {
            var (address, verdict) = await guard.ResolveAsync(context.DnsEndPoint.Host, ct);
            if (!verdict.Allowed || address is null) throw new WebhookRefusedException(verdict.Reason ?? "address refused");
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

/// <summary>The address guard refused a webhook URL: permanent, not worth retrying.</summary>
public sealed class WebhookRefusedException(string reason) : Exception($"webhook URL refused: {reason}");
