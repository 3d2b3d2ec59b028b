using System.Net;
using Edge.Sip.Internal.Media;

namespace Edge.Sip.Tests.Media;

/// <summary>
/// Counts what is sent without keeping it (so it allocates nothing), notes the thread that sends, and completes
/// <see cref="Reached"/> once <paramref name="target"/> packets went out. Safe to use from the pacer's own thread.
/// </summary>
internal sealed class CountingRtpTransport(int target = int.MaxValue) : IRtpTransport
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private string? _threadName;
    private int _threadIsBackground = -1;

    public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 40002);

    public int Count => Volatile.Read(ref _count);

    public Task Reached => _reached.Task;

    public string? ThreadName => Volatile.Read(ref _threadName);

    public bool ThreadIsBackground => Volatile.Read(ref _threadIsBackground) == 1;

    public void Start(RtpDatagramHandler handler)
    {
    }

    public void Send(ReadOnlySpan<byte> packet, SocketAddress destination)
    {
        if (Interlocked.Increment(ref _count) != target)
        {
            return;
        }

        Volatile.Write(ref _threadName, Thread.CurrentThread.Name);
        Volatile.Write(ref _threadIsBackground, Thread.CurrentThread.IsBackground ? 1 : 0);
        _reached.TrySetResult();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
