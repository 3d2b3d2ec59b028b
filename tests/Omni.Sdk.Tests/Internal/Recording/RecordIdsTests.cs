using Omni.Sdk.Internal.Recording;

namespace Omni.Sdk.Tests.Internal.Recording;

public sealed class RecordIdsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 8, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void NewVersion7_AnyTime_HasVersion7TheRfcVariantAndTheMillisecondsInFront()
    {
        var id = RecordIds.NewVersion7(Now);

        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, bytes[8] >> 6);
        var millis = (long)(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 16);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), millis);
    }

    [Fact]
    public void NewVersion7_SameMillisecond_GivesDistinctIdsAsGuidDoes()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => RecordIds.NewVersion7(Now)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(Guid.CreateVersion7(Now).ToString()[..13], id.ToString()[..13]));
    }
}
