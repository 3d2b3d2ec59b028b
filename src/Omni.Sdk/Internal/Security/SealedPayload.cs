namespace Omni.Sdk.Internal.Security;

/// <summary>A record payload as stored: the GCM nonce and the ciphertext followed by its tag.</summary>
internal sealed record SealedPayload(byte[] Nonce, byte[] Ciphertext)
{
    /// <summary>Bytes this payload occupies in the outbox, counted against the storage budget.</summary>
    public long StoredSize => Nonce.Length + Ciphertext.Length;
}
