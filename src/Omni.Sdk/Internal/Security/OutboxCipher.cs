using System.Security.Cryptography;

namespace Omni.Sdk.Internal.Security;

/// <summary>
/// Seals record payloads with AES-256-GCM. Each record gets a random 96-bit nonce; its <see cref="SealBinding"/>
/// (record id, kind and occurred-at; record id and sequence for rows of older versions) is associated data, so a
/// sealed payload cannot be moved to another row unnoticed. Safe to call from many threads at once: callers seal
/// their own records before queueing them to the writer.
/// </summary>
internal sealed class OutboxCipher : IDisposable
{
    public const int NonceSize = 12;
    public const int TagSize = 16;

    private static readonly byte[] KeyCheckPlaintext = "omni-outbox-key-check"u8.ToArray();
    private static readonly Guid KeyCheckId = Guid.Empty;

    // AesGcm is not safe for concurrent use; one instance per stripe, each under its own lock, so callers on
    // different threads rarely wait for each other.
    private readonly AesGcm[] _stripes;
    private readonly Lock[] _locks;

    public OutboxCipher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != OutboxKeyLoader.KeyLength)
        {
            throw new OutboxKeyException("The outbox key must be 32 bytes (AES-256).");
        }

        var count = Math.Clamp(Environment.ProcessorCount, 1, 16);
        _stripes = new AesGcm[count];
        _locks = new Lock[count];
        for (var i = 0; i < count; i++)
        {
            _stripes[i] = new AesGcm(key, TagSize);
            _locks[i] = new Lock();
        }
    }

    /// <summary>Returns the nonce and ciphertext-with-tag for one record.</summary>
    public SealedPayload Seal(ReadOnlySpan<byte> plaintext, SealBinding binding)
    {
        // A random 96-bit nonce per record, as before; never a counter (the key outlives processes).
        var nonce = new byte[NonceSize];
        BufferedRandom.Fill(nonce);
        var sealedBytes = new byte[plaintext.Length + TagSize];
        Span<byte> associated = stackalloc byte[SealBinding.MaxSize];
        associated = associated[..binding.Write(associated)];
        var stripe = Stripe();
        lock (_locks[stripe])
        {
            _stripes[stripe].Encrypt(nonce, plaintext, sealedBytes.AsSpan(0, plaintext.Length),
                sealedBytes.AsSpan(plaintext.Length), associated);
        }

        return new SealedPayload(nonce, sealedBytes);
    }

    /// <summary>Opens a sealed payload; null when the key, the row or the bytes do not match.</summary>
    public byte[]? TryOpen(SealedPayload payload, SealBinding binding)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var cipherLength = payload.Ciphertext.Length - TagSize;
        if (payload.Nonce.Length != NonceSize || cipherLength < 0)
        {
            return null;
        }

        var plaintext = new byte[cipherLength];
        Span<byte> associated = stackalloc byte[SealBinding.MaxSize];
        associated = associated[..binding.Write(associated)];
        var stripe = Stripe();
        try
        {
            lock (_locks[stripe])
            {
                _stripes[stripe].Decrypt(payload.Nonce, payload.Ciphertext.AsSpan(0, cipherLength),
                    payload.Ciphertext.AsSpan(cipherLength), plaintext, associated);
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
    /// <remarks>Sealed in the first format, as every outbox file already holds it.</remarks>
    public SealedPayload CreateKeyCheck() => Seal(KeyCheckPlaintext, SealBinding.SequenceBound(KeyCheckId, 0));

    /// <summary>Whether <paramref name="keyCheck"/> was sealed with this key.</summary>
    public bool VerifyKeyCheck(SealedPayload keyCheck) =>
        TryOpen(keyCheck, SealBinding.SequenceBound(KeyCheckId, 0)) is { } plain
        && plain.AsSpan().SequenceEqual(KeyCheckPlaintext);

    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    private int Stripe() => Environment.CurrentManagedThreadId % _stripes.Length;
}
