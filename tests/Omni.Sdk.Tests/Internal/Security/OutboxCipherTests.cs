using Omni.Sdk.Internal.Security;
using Omni.Sdk.Tests.Support;

namespace Omni.Sdk.Tests.Internal.Security;

public sealed class OutboxCipherTests
{
    private static readonly byte[] Plaintext = "inhoud van het contact"u8.ToArray();
    private static readonly long OccurredAtMs = new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void TryOpen_SameRow_ReturnsPlaintext()
    {
        using var cipher = new OutboxCipher(TestKeys.NewKey());
        var binding = SealBinding.RecordBound(Guid.NewGuid(), 1, OccurredAtMs);

        var sealedPayload = cipher.Seal(Plaintext, binding);

        Assert.Equal(Plaintext, cipher.TryOpen(sealedPayload, binding));
        Assert.Equal(OutboxCipher.NonceSize + Plaintext.Length + OutboxCipher.TagSize, sealedPayload.StoredSize);
    }

    [Fact]
    public void TryOpen_OtherRecordIdKindOrTime_Refuses()
    {
        using var cipher = new OutboxCipher(TestKeys.NewKey());
        var id = Guid.NewGuid();
        var sealedPayload = cipher.Seal(Plaintext, SealBinding.RecordBound(id, 1, OccurredAtMs));

        Assert.Null(cipher.TryOpen(sealedPayload, SealBinding.RecordBound(Guid.NewGuid(), 1, OccurredAtMs)));
        Assert.Null(cipher.TryOpen(sealedPayload, SealBinding.RecordBound(id, 2, OccurredAtMs)));
        Assert.Null(cipher.TryOpen(sealedPayload, SealBinding.RecordBound(id, 1, OccurredAtMs + 1)));
    }

    [Fact]
    public void TryOpen_SequenceBoundRow_OpensOnlyWithItsSequenceAndRecordId()
    {
        using var cipher = new OutboxCipher(TestKeys.NewKey());
        var id = Guid.NewGuid();
        var sealedPayload = cipher.Seal(Plaintext, SealBinding.SequenceBound(id, 7));

        Assert.Equal(Plaintext, cipher.TryOpen(sealedPayload, SealBinding.SequenceBound(id, 7)));
        Assert.Null(cipher.TryOpen(sealedPayload, SealBinding.SequenceBound(id, 8)));
        Assert.Null(cipher.TryOpen(sealedPayload, SealBinding.SequenceBound(Guid.NewGuid(), 7)));
    }

    [Fact]
    public void TryOpen_UnderTheOtherFormat_Refuses()
    {
        using var cipher = new OutboxCipher(TestKeys.NewKey());
        var id = Guid.NewGuid();

        var recordBound = cipher.Seal(Plaintext, SealBinding.RecordBound(id, 1, 7));
        var sequenceBound = cipher.Seal(Plaintext, SealBinding.SequenceBound(id, 7));

        Assert.Null(cipher.TryOpen(recordBound, SealBinding.SequenceBound(id, 7)));
        Assert.Null(cipher.TryOpen(sequenceBound, SealBinding.RecordBound(id, 1, 7)));
    }

    [Fact]
    public void Seal_SequenceBound_UsesTheAssociatedDataOfTheFirstVersions()
    {
        // Rows written by earlier versions were sealed with the record id (16 bytes, big-endian) and the sequence
        // (8 bytes, big-endian) as associated data; they must keep opening after the upgrade.
        var key = TestKeys.NewKey();
        var id = Guid.NewGuid();
        var nonce = new byte[OutboxCipher.NonceSize];
        var associated = new byte[24];
        id.TryWriteBytes(associated.AsSpan(0, 16), bigEndian: true, out _);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(associated.AsSpan(16), 42);
        var sealedBytes = new byte[Plaintext.Length + OutboxCipher.TagSize];
        using (var aes = new System.Security.Cryptography.AesGcm(key, OutboxCipher.TagSize))
        {
            aes.Encrypt(nonce, Plaintext, sealedBytes.AsSpan(0, Plaintext.Length), sealedBytes.AsSpan(Plaintext.Length),
                associated);
        }

        using var cipher = new OutboxCipher(key);

        Assert.Equal(Plaintext, cipher.TryOpen(new SealedPayload(nonce, sealedBytes), SealBinding.SequenceBound(id, 42)));
    }

    [Fact]
    public void Seal_SamePlaintextTwice_UsesFreshNonces()
    {
        using var cipher = new OutboxCipher(TestKeys.NewKey());
        var binding = SealBinding.RecordBound(Guid.NewGuid(), 1, OccurredAtMs);

        var first = cipher.Seal(Plaintext, binding);
        var second = cipher.Seal(Plaintext, binding);

        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.NotEqual(first.Ciphertext, second.Ciphertext);
    }

    [Fact]
    public void Seal_ManyRecords_NeverRepeatsANonce()
    {
        using var cipher = new OutboxCipher(TestKeys.NewKey());
        var binding = SealBinding.RecordBound(Guid.NewGuid(), 1, OccurredAtMs);

        // Several refills of the per-thread nonce buffer.
        var nonces = Enumerable.Range(0, 1000).Select(_ => Convert.ToHexString(cipher.Seal(Plaintext, binding).Nonce));

        Assert.Equal(1000, nonces.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void VerifyKeyCheck_OtherKey_Refuses()
    {
        using var cipher = new OutboxCipher(TestKeys.NewKey());
        using var other = new OutboxCipher(TestKeys.NewKey());

        var check = cipher.CreateKeyCheck();

        Assert.True(cipher.VerifyKeyCheck(check));
        Assert.False(other.VerifyKeyCheck(check));
    }

    [Fact]
    public async Task SealAndOpen_FromManyThreadsAtOnce_StayCorrect()
    {
        using var cipher = new OutboxCipher(TestKeys.NewKey());

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Factory.StartNew(() =>
        {
            for (var round = 0; round < 20_000; round++)
            {
                var binding = SealBinding.RecordBound(Guid.NewGuid(), 1, i);
                var opened = cipher.TryOpen(cipher.Seal(Plaintext, binding), binding);
                if (opened is null || !opened.AsSpan().SequenceEqual(Plaintext))
                {
                    return false;
                }
            }

            return true;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        Assert.All(results, Assert.True);
    }
}
