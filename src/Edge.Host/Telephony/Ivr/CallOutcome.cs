namespace Edge.Host.Telephony.Ivr;

/// <summary>How a call through the IVR ended; safe to log.</summary>
internal enum CallOutcome
{
    /// <summary>The gateway could not finish the call (a fault or a shutdown).</summary>
    Afgebroken,

    /// <summary>The caller was transferred to the option's transfer URI.</summary>
    Doorverbonden,

    /// <summary>A terugbelverzoek was recorded.</summary>
    TerugbelverzoekGenoteerd,

    /// <summary>The caller hung up inside the IVR.</summary>
    Opgehangen,

    /// <summary>The caller cancelled while the call was ringing.</summary>
    NietOpgenomen,

    /// <summary>Our 200 OK was never acknowledged.</summary>
    GeenBevestiging,

    /// <summary>No valid choice within the allowed attempts.</summary>
    GeenKeuze,

    /// <summary>Closed, and no callback was asked for or possible.</summary>
    Gesloten,

    /// <summary>The choice needed a callback, but the caller's number is unknown.</summary>
    GeenTerugbelnummer,

    /// <summary>All lines were busy (486 Busy Here).</summary>
    Bezet,
}
