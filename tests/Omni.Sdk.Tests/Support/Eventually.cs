using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Omni.Sdk.Tests.Support;

/// <summary>
/// Waits for real I/O (loopback gRPC, SQLite) to reach a state while a fake clock stands in for every timer.
/// The real-time limit only bounds a broken test; what a test asserts about time is read from the fake clock.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<bool> condition, FakeTimeProvider? time = null, TimeSpan? step = null,
        string because = "the condition")
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < RealTimeLimit, $"Timed out waiting for {because}.");
            time?.Advance(step ?? TimeSpan.FromMilliseconds(100));
            await Task.Delay(20);
        }
    }
}
