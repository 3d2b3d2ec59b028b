using Omni.Sdk.Internal.Security;
using Omni.Sdk.Tests.Support;

namespace Omni.Sdk.Tests.Internal.Security;

public sealed class OutboxCipherTests
{
    private static readonly byte[] Plaintext = "inhoud van het contact"u8.ToArray();

    [Fact]
    public void TryOpen_SameRow_ReturnsPlaintext()
    {
        using var cipher = new OutboxCipher(TestKeys.NewKey());
        var id = Guid.NewGuid();

        var sealedPayload = cipher.Seal(Plaintext, id, 7);

        Assert.Equal(Plaintext, cipher.TryOpen(sealedPayload, id, 7));
        Assert.Equal(OutboxCipher.NonceSize + Plaintext.Length + OutboxCipher.TagSize, sealedPayload.StoredSize);
    }

    [Fact]
    public void TryOpen_OtherSequenceOrRecordId_Refuses()
    {
        using var cipher = new OutboxCipher(TestKeys.NewKey());
        var id = Guid.NewGuid();
        var sealedPayload = cipher.Seal(Plaintext, id, 7);

        Assert.Null(cipher.TryOpen(sealedPayload, id, 8));
        Assert.Null(cipher.TryOpen(sealedPayload, Guid.NewGuid(), 7));
    }

    [Fact]
    public void Seal_SamePlaintextTwice_UsesFreshNonces()
    {
        using var cipher = new OutboxCipher(TestKeys.NewKey());
        var id = Guid.NewGuid();

        var first = cipher.Seal(Plaintext, id, 1);
        var second = cipher.Seal(Plaintext, id, 1);

        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.NotEqual(first.Ciphertext, second.Ciphertext);
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
                var id = Guid.NewGuid();
                var opened = cipher.TryOpen(cipher.Seal(Plaintext, id, i), id, i);
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
