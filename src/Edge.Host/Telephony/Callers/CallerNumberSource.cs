namespace Edge.Host.Telephony.Callers;

/// <summary>Where a caller's number came from; safe to log.</summary>
internal enum CallerNumberSource
{
    /// <summary>No number is known.</summary>
    None,

    /// <summary>A P-Asserted-Identity from a trusted trunk peer (RFC 3325).</summary>
    PAssertedIdentity,

    /// <summary>The From header, which the caller controls.</summary>
    From,
}
