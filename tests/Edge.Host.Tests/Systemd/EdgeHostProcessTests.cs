using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Edge.Host.Tests.Support;

namespace Edge.Host.Tests.Systemd;

/// <summary>
/// Starts the built Edge.Host as systemd would (NOTIFY_SOCKET, WATCHDOG_USEC), with a test socket standing in for
/// the manager, and stops it with SIGTERM as systemd does.
/// </summary>
public sealed class EdgeHostProcessTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly Socket _manager = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task Run_WatchdogRequested_PetsItAndStopsCleanlyOnSigterm()
    {
        var socketPath = _data.File("notify.sock");
        _manager.Bind(new UnixDomainSocketEndPoint(socketPath));
        using var process = Start(socketPath, watchdogUsec: "400000");
        var output = process.StandardOutput.ReadToEndAsync(_guard.Token);
        _ = process.StandardError.ReadToEndAsync(_guard.Token);

        Assert.Equal("WATCHDOG=1", await ReceiveAsync());
        Assert.Equal("WATCHDOG=1", await ReceiveAsync());

        await SignalTermAsync(process.Id);
        await process.WaitForExitAsync(_guard.Token);
        Assert.True(process.ExitCode == 0, await output);
    }

    [Theory]
    [InlineData("--Edge:HttpUrl=http://0.0.0.0:0", "HttpUrl")]
    [InlineData("--Omni:KeyFile=/nonexistent/outbox.key", "outbox key")]
    public async Task Run_CannotStart_Exits78SoSystemdDoesNotRestart(string badArgument, string named)
    {
        using var process = Start(notifySocket: null, watchdogUsec: null, badArgument);
        var error = process.StandardError.ReadToEndAsync(_guard.Token);
        _ = process.StandardOutput.ReadToEndAsync(_guard.Token);

        await process.WaitForExitAsync(_guard.Token);

        Assert.Equal(78, process.ExitCode);
        Assert.Contains(named, await error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _manager.Dispose();
        _guard.Dispose();
        _data.Dispose();
    }

    private Process Start(string? notifySocket, string? watchdogUsec, string? extraArgument = null)
    {
        var key = _data.File("outbox.key");
        File.WriteAllBytes(key, [.. Enumerable.Range(7, 32).Select(i => (byte)i)]);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(EdgeHostAssembly());
        start.ArgumentList.Add("--Edge:HttpUrl=http://127.0.0.1:0");

        // The SIP gateway would take 127.0.0.1:5060, which the telephony tests in this assembly use.
        start.ArgumentList.Add("--Telephony:Enabled=false");
        start.ArgumentList.Add("--Omni:DeviceId=edge-process-test");
        start.ArgumentList.Add("--Omni:CentralAddress=" + TestEdgeHost.UnreachableCentral);
        start.ArgumentList.Add("--Omni:OutboxPath=" + _data.File("outbox.db"));
        start.ArgumentList.Add("--Omni:KeyFile=" + key);
        if (extraArgument is not null)
        {
            start.ArgumentList.Add(extraArgument);
        }

        start.Environment["NOTIFY_SOCKET"] = notifySocket;
        start.Environment["WATCHDOG_USEC"] = watchdogUsec;
        start.Environment.Remove("WATCHDOG_PID");
        return Process.Start(start)!;
    }

    private async Task<string> ReceiveAsync()
    {
        var buffer = new byte[256];
        var length = await _manager.ReceiveAsync(buffer, SocketFlags.None, _guard.Token);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static async Task SignalTermAsync(int processId)
    {
        var pid = processId.ToString(CultureInfo.InvariantCulture);
        var kill = await ProcessRunner.RunAsync("/bin/kill", ["-TERM", pid], TimeSpan.FromSeconds(10));
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Edge.Host is built before its tests (a ProjectReference), in the same configuration.</summary>
    private static string EdgeHostAssembly()
    {
        var outputDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = RepositoryPaths.Combine(
            "src", "Edge.Host", "bin", outputDir.Parent!.Name, outputDir.Name, "Edge.Host.dll");
        Assert.True(File.Exists(path), "build src/Edge.Host first: " + path);
        return path;
    }
}
