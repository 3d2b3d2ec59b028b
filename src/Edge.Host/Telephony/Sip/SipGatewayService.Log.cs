namespace Edge.Host.Telephony.Sip;

internal sealed partial class SipGatewayService
{
    [LoggerMessage(
        EventId = 5530,
        EventName = "SipGatewayListening",
        Level = LogLevel.Information,
        Message = "Telephony gateway listening on SIP port {Port}, {RtpPorts} RTP ports, {Lines} lines")]
    private partial void LogListening(int port, int rtpPorts, int lines);

    [LoggerMessage(
        EventId = 5531,
        EventName = "SipGatewayDrainTimedOut",
        Level = LogLevel.Warning,
        Message = "{Count} calls still running {Timeout} after the gateway stopped")]
    private partial void LogDrainTimedOut(int count, TimeSpan timeout);
}
