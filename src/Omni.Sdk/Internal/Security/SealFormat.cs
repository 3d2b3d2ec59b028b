namespace Omni.Sdk.Internal.Security;

/// <summary>What a sealed payload's associated data binds; rows keep the format they were sealed with.</summary>
internal enum SealFormat
{
    /// <summary>Record id and sequence: rows written before schema version 3, and the key check.</summary>
    SequenceBound = 1,

    /// <summary>
    /// Record id, kind and occurred-at, all known before the writer assigns a sequence, so a record can be sealed
    /// on the caller's thread and the single writer only writes.
    /// </summary>
    RecordBound = 2,
}
