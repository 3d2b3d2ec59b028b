using Edge.Sip.Internal.Transport;

namespace Edge.Sip.Internal;

/// <summary>Which TCP connections the core still needs, so the transport closes only idle, unused ones.</summary>
internal sealed partial class UserAgentCore
{
    /// <summary>
    /// True while a server transaction answers on the connection, a client transaction waits for its response on
    /// it, or a dialog came in on it (RFC 3261 §18: keep the connection for the transaction; our BYE reuses it).
    /// </summary>
    public bool IsUsing(TcpConnection connection)
    {
        lock (_sync)
        {
            return _server.Values.Any(t => t.ResponseTarget.Connection == connection)
                || _client.Values.Any(t => Targets(t.Target, connection))
                || _calls.Values.Any(c => c.Origin.Connection == connection);
        }
    }

    // A client transaction that opened its own connection names only the end point it connected to.
    private static bool Targets(SendTarget target, TcpConnection connection) =>
        target.Connection == connection
        || (target.Kind == TransportKind.Tcp && target.Connection is null && target.EndPoint.Equals(connection.Remote));
}
