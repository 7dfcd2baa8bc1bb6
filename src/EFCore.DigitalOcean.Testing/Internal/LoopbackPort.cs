using System.Net;
using System.Net.Sockets;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>Finds a free TCP port on 127.0.0.1, so the fake never listens beyond this machine.</summary>
internal static class LoopbackPort
{
    public static int Next()
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
