using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Omni.Sdk.Internal.Security;

/// <summary>
/// Seals record payloads with AES-256-GCM. Each record gets a random 96-bit nonce; the record id and
/// sequence are associated data, so a sealed payload cannot be moved to another row unnoticed.
/// </summary>
internal sealed class OutboxCipher : IDisposable
{
    public const int NonceSize = 12;
    public const int TagSize = 16;

    private static readonly byte[] KeyCheckPlaintext = "omni-outbox-key-check"u8.ToArray();
    private static readonly Guid KeyCheckId = Guid.Empty;

    private readonly AesGcm _aes;

    // AesGcm is not safe for concurrent use (the writer seals while the sender opens); the work under it is tiny.
    private readonly Lock _lock = new();

    public OutboxCipher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != OutboxKeyLoader.KeyLength)
        {
            throw new OutboxKeyException("The outbox key must be 32 bytes (AES-256).");
        }

        _aes = new AesGcm(key, TagSize);
    }

    /// <summary>Returns the nonce and ciphertext-with-tag for one record.</summary>
    public SealedPayload Seal(ReadOnlySpan<byte> plaintext, Guid recordId, long sequence)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var sealedBytes = new byte[plaintext.Length + TagSize];
        var associated = AssociatedData(recordId, sequence);
        lock (_lock)
        {
            _aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), associated);
        }

        return new SealedPayload(nonce, sealedBytes);
    }

    /// <summary>Opens a sealed payload; null when the key, the row or the bytes do not match.</summary>
    public byte[]? TryOpen(SealedPayload payload, Guid recordId, long sequence)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var cipherLength = payload.Ciphertext.Length - TagSize;
        if (payload.Nonce.Length != NonceSize || cipherLength < 0)
        {
            return null;
        }

        var plaintext = new byte[cipherLength];
        try
        {
            lock (_lock)
            {
                _aes.Decrypt(payload.Nonce, payload.Ciphertext.AsSpan(0, cipherLength),
                    payload.Ciphertext.AsSpan(cipherLength), plaintext, AssociatedData(recordId, sequence));
            }

            return plaintext;
        }
        catch (CryptographicException)
        {
            // Wrong key, another row's payload, or damaged bytes: all mean this payload cannot be trusted.
            return null;
        }
    }

    /// <summary>A value stored in the outbox so that a wrong key is detected at start, not at send time.</summary>
    public SealedPayload CreateKeyCheck() => Seal(KeyCheckPlaintext, KeyCheckId, 0);

    /// <summary>Whether <paramref name="keyCheck"/> was sealed with this key.</summary>
    public bool VerifyKeyCheck(SealedPayload keyCheck) =>
        TryOpen(keyCheck, KeyCheckId, 0) is { } plain && plain.AsSpan().SequenceEqual(KeyCheckPlaintext);

    public void Dispose() => _aes.Dispose();

    private static byte[] AssociatedData(Guid recordId, long sequence)
    {
        var data = new byte[24];
        recordId.TryWriteBytes(data.AsSpan(0, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(16), sequence);
        return data;
    }
}
