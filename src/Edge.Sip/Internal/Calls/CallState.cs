namespace Edge.Sip.Internal.Calls;

/// <summary>Where an incoming call is in its life.</summary>
internal enum CallState
{
    /// <summary>INVITE received, 180 sent, waiting for the application to accept or reject.</summary>
    Ringing = 0,

    /// <summary>200 OK sent, waiting for the ACK (§13.3.1.4).</summary>
    Accepted,

    /// <summary>ACK received: the dialog is confirmed.</summary>
    Confirmed,

    Ended,
}
