namespace Central.Api.Storage;

/// <summary>What storing one accepted sync record did.</summary>
internal enum SyncStoreOutcome
{
    /// <summary>The record id was new and the record is stored.</summary>
    Stored,

    /// <summary>The record id was stored before with the same content; nothing changed.</summary>
    Duplicate,

    /// <summary>The record id was stored before with other content, or as another kind; the stored one stays.</summary>
    Conflict,
}
