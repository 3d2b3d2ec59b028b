namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>What the caller of the edge's POST learned.</summary>
internal enum PostOutcome
{
    /// <summary>201 Created: the edge said the record is durable.</summary>
    Created,

    /// <summary>200 OK: the same uuid was already durable.</summary>
    Replayed,

    /// <summary>Any other status: refused.</summary>
    Refused,

    /// <summary>No answer (refused or reset, e.g. the edge was killed): the record may or may not exist.</summary>
    NoAnswer,
}
