using System.Net.Sockets;

namespace Edge.Host.Hosting;

/// <summary>Recognises a start-up failure caused by a listening port that another process holds.</summary>
internal static class AddressInUse
{
    /// <summary>True when the exception, or one it wraps, is a bind refused with EADDRINUSE.</summary>
    public static bool IsCauseOf(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }
}
