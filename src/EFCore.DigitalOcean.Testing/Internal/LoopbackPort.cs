using System.Net;
using System.Net.Sockets;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// Finds a free TCP port on 127.0.0.1, so the fake never listens beyond this machine. The port is one no earlier fake of
/// this process had: a client that remembers something of an address (pooled connections, the totals of its listings)
/// never takes a new fake for an old one.
/// </summary>
internal static class LoopbackPort
{
    private const int MaxAttempts = 100;

    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        var port = 0;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            port = FreePort();
            lock (Given)
            {
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }

        // Practically unreachable (thousands of fakes in one process): a reused port is still a free one.
        return port;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
