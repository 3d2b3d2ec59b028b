namespace Central.Api.Sync;

/// <summary>A record refused for good; the reason names fields, never values.</summary>
internal sealed record SyncRejection(string RecordId, long Sequence, string Reason);
