using Edge.Sip.Internal.Media;

namespace Edge.Sip.Tests.Media;

public sealed class RtpPortAllocatorTests
{
    [Fact]
    public void TryAcquire_OddFirstPort_StartsAtTheNextEvenPort()
    {
        var allocator = new RtpPortAllocator(10001, 10006);

        Assert.Equal(3, allocator.Capacity);
        Assert.True(allocator.TryAcquire(out var port));
        Assert.Equal(10002, port);
    }

    [Fact]
    public void TryAcquire_AfterRelease_DoesNotReuseThePortAtOnce()
    {
        var allocator = new RtpPortAllocator(10000, 10004);
        allocator.TryAcquire(out var first);

        allocator.Release(first);
        allocator.TryAcquire(out var second);
        allocator.TryAcquire(out var third);
        allocator.TryAcquire(out var fourth);

        Assert.Equal([10000, 10002, 10004, 10000], new[] { first, second, third, fourth });
        Assert.False(allocator.TryAcquire(out _));
        Assert.Equal(3, allocator.InUse);
    }

    [Fact]
    public void Release_UnknownOrFreePort_IsIgnored()
    {
        var allocator = new RtpPortAllocator(10000, 10002);

        allocator.Release(10000);
        allocator.Release(5);

        Assert.Equal(0, allocator.InUse);
    }
}
