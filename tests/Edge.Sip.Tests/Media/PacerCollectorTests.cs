using Edge.Sip.Internal.Media;
using Edge.Sip.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Sip.Tests.Media;

public sealed class PacerCollectorTests
{
    private const long Threshold = 1024 * 1024;

    [Fact]
    public void CollectIfDue_LessThanTheThresholdAllocated_DoesNotCollect()
    {
        var heap = new FakeManagedHeap { AllocatedBytes = 5_000_000 };
        var collector = new PacerCollector(Threshold, heap);

        heap.AllocatedBytes += Threshold - 1;

        Assert.False(collector.CollectIfDue());
        Assert.Equal(0, heap.Requested);
    }

    [Fact]
    public void CollectIfDue_ThresholdAllocated_CollectsOnceAndCountsAgainFromThere()
    {
        var heap = new FakeManagedHeap();
        var collector = new PacerCollector(Threshold, heap);

        heap.AllocatedBytes += Threshold;
        Assert.True(collector.CollectIfDue());
        Assert.False(collector.CollectIfDue());
        heap.AllocatedBytes += Threshold / 2;
        Assert.False(collector.CollectIfDue());
        heap.AllocatedBytes += Threshold / 2;
        Assert.True(collector.CollectIfDue());

        Assert.Equal(2, heap.Requested);
        Assert.Equal(2, collector.Collections);
    }

    [Fact]
    public void CollectIfDue_RuntimeCollectedSinceTheLastTick_CountsFromThatCollection()
    {
        var heap = new FakeManagedHeap();
        var collector = new PacerCollector(Threshold, heap);

        heap.AllocatedBytes += Threshold;
        heap.YoungCollections++;
        Assert.False(collector.CollectIfDue());
        heap.AllocatedBytes += Threshold - 1;
        Assert.False(collector.CollectIfDue());

        Assert.Equal(0, heap.Requested);
    }

    [Fact]
    public void RunTick_CollectionDue_CollectsAfterTheTicksFramesWentOut()
    {
        var time = new FakeTimeProvider();
        var heap = new FakeManagedHeap();
        var transport = new FakeRtpTransport(time);
        var sentAtCollection = new List<int>();
        heap.OnCollect = () => sentAtCollection.Add(transport.Sent.Count);
        using var pacer = new RtpPacer(time, TimeSpan.FromMilliseconds(5), NullLogger.Instance,
            new PacerCollector(Threshold, heap));
        var stream = new RtpOutboundStream(transport, new RtpOptions(), time, NullLogger.Instance);
        stream.Configure(new RtpSessionConfiguration(MediaTestContext.Remote, CallAudioCodec.Pcmu, 101));
        pacer.Add(stream);

        heap.AllocatedBytes += Threshold;
        time.Advance(TimeSpan.FromMilliseconds(5));
        time.Advance(TimeSpan.FromMilliseconds(5));

        // One collection, in the first tick after the threshold, once that tick's frame had been sent.
        Assert.Equal([1], sentAtCollection);
    }

    [Fact]
    public void RunTick_NoSessions_LeavesCollectionsToTheRuntime()
    {
        var time = new FakeTimeProvider();
        var heap = new FakeManagedHeap();
        using var pacer = new RtpPacer(time, TimeSpan.FromMilliseconds(5), NullLogger.Instance,
            new PacerCollector(Threshold, heap));

        heap.AllocatedBytes += 10 * Threshold;
        time.Advance(TimeSpan.FromMilliseconds(20));

        Assert.Equal(0, heap.Requested);
    }

    [Fact]
    public void Validate_NegativeCollectionThreshold_NamesTheSetting()
    {
        var errors = new RtpOptions { PacerCollectionThreshold = -1 }.Validate();

        Assert.Contains(errors, e => e.Contains(nameof(RtpOptions.PacerCollectionThreshold), StringComparison.Ordinal));
    }
}
