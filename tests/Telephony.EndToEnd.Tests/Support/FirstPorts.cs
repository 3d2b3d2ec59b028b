namespace Telephony.EndToEnd.Tests.Support;

/// <summary>
/// Ports for the first start of each process instead of free ones, so a test can hand it a port that another
/// process holds and see the start retried. Null: a free port, as always.
/// </summary>
/// <param name="CentralHttp">Central's HTTP port on its first start.</param>
/// <param name="GatewaySip">The gateway's SIP port on its first start.</param>
internal sealed record FirstPorts(int? CentralHttp = null, int? GatewaySip = null)
{
    public static FirstPorts Free { get; } = new();
}
