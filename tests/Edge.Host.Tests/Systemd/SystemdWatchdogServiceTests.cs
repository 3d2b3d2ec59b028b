using System.Net.Sockets;
using System.Text;
using Edge.Host.Liveness;
using Edge.Host.Systemd;
using Edge.Host.Tests.Fakes;
using Edge.Host.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Host.Tests.Systemd;

/// <summary>Runs the watchdog against a real unix datagram socket standing in for systemd's notify socket.</summary>
public sealed class SystemdWatchdogServiceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Half = TimeSpan.FromSeconds(15);

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new();
    private readonly FakeOutboxMonitor _monitor = new();
    private readonly FakeLivenessProbe _probe = new("sip-udp");
    private readonly Socket _systemd = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromSeconds(20));

    [Fact]
    public async Task ExecuteAsync_AllAlive_SendsWatchdogAtHalfTheTimeout()
    {
        var socketPath = BindPathSocket();
        using var service = CreateService(socketPath);
        await service.StartAsync(_guard.Token);

        _time.Advance(Half - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _systemd.Available);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("WATCHDOG=1", await ReceiveAsync());

        _time.Advance(Half);
        Assert.Equal("WATCHDOG=1", await ReceiveAsync());
        await service.StopAsync(_guard.Token);
    }

    [Fact]
    public async Task ExecuteAsync_AbstractSocketName_SendsWatchdog()
    {
        var name = "omni-edge-test-" + Guid.NewGuid().ToString("N");
        _systemd.Bind(new UnixDomainSocketEndPoint("\0" + name));
        using var service = CreateService("@" + name);
        await service.StartAsync(_guard.Token);

        _time.Advance(Half);

        Assert.Equal("WATCHDOG=1", await ReceiveAsync());
        await service.StopAsync(_guard.Token);
    }

    [Fact]
    public async Task ExecuteAsync_SenderDeadThenAliveThenDead_PetsOnlyWhileAlive()
    {
        var socketPath = BindPathSocket();
        var dead = FakeOutboxMonitor.Healthy with { SenderAlive = false };
        _monitor.Enqueue(dead, FakeOutboxMonitor.Healthy, dead);
        using var service = CreateService(socketPath);
        await service.StartAsync(_guard.Token);

        for (var tick = 0; tick < 3; tick++)
        {
            _time.Advance(Half);
            await _monitor.WaitForCallAsync(_guard.Token);
        }

        // The loop is sequential: the third status call means ticks one and two are complete.
        Assert.Equal("WATCHDOG=1", await ReceiveAsync());
        Assert.Equal(0, _systemd.Available);
        await service.StopAsync(_guard.Token);
    }

    [Fact]
    public async Task TickAsync_SenderDead_WithholdsKeepAlive()
    {
        var socketPath = BindPathSocket();
        _monitor.Status = FakeOutboxMonitor.Healthy with { SenderAlive = false };
        using var service = CreateService(socketPath);
        using var notifier = new SystemdNotifier(socketPath);

        var decision = await service.TickAsync(notifier, _guard.Token);

        Assert.Equal(WatchdogDecision.WithheldSenderDead, decision);
        Assert.Equal(0, _systemd.Available);
    }

    [Fact]
    public async Task TickAsync_ListenerDead_WithholdsKeepAlive()
    {
        var socketPath = BindPathSocket();
        _probe.Alive = false;
        using var service = CreateService(socketPath);
        using var notifier = new SystemdNotifier(socketPath);

        var decision = await service.TickAsync(notifier, _guard.Token);

        Assert.Equal(WatchdogDecision.WithheldListenerDead, decision);
        Assert.Equal(0, _systemd.Available);
    }

    [Fact]
    public async Task TickAsync_ListenerRecovers_PetsAgain()
    {
        var socketPath = BindPathSocket();
        _probe.Alive = false;
        using var service = CreateService(socketPath);
        using var notifier = new SystemdNotifier(socketPath);
        await service.TickAsync(notifier, _guard.Token);

        _probe.Alive = true;
        var decision = await service.TickAsync(notifier, _guard.Token);

        Assert.Equal(WatchdogDecision.Petted, decision);
        Assert.Equal("WATCHDOG=1", await ReceiveAsync());
    }

    [Fact]
    public async Task TickAsync_NobodyListensOnSocket_ReportsSendFailed()
    {
        using var service = CreateService(_temp.File("missing.sock"));
        using var notifier = new SystemdNotifier(_temp.File("missing.sock"));

        Assert.Equal(WatchdogDecision.SendFailed, await service.TickAsync(notifier, _guard.Token));
    }

    [Fact]
    public async Task ExecuteAsync_Disabled_SendsNothingAndEnds()
    {
        BindPathSocket();
        using var service = new SystemdWatchdogService(
            SystemdWatchdogSettings.Disabled(WatchdogState.NoWatchdog),
            new LivenessChecker(_monitor, [_probe]),
            _time,
            NullLogger<SystemdWatchdogService>.Instance);

        await service.StartAsync(_guard.Token);
        _time.Advance(TimeSpan.FromMinutes(5));
        await service.ExecuteTask!.WaitAsync(_guard.Token);

        Assert.Equal(0, _systemd.Available);
    }

    public void Dispose()
    {
        _systemd.Dispose();
        _monitor.Dispose();
        _guard.Dispose();
        _temp.Dispose();
    }

    private string BindPathSocket()
    {
        var path = _temp.File("notify.sock");
        _systemd.Bind(new UnixDomainSocketEndPoint(path));
        return path;
    }

    private SystemdWatchdogService CreateService(string socket) => new(
        new SystemdWatchdogSettings(WatchdogState.Enabled, socket, Timeout),
        new LivenessChecker(_monitor, [_probe]),
        _time,
        NullLogger<SystemdWatchdogService>.Instance);

    private async Task<string> ReceiveAsync()
    {
        var buffer = new byte[256];
        var length = await _systemd.ReceiveAsync(buffer, SocketFlags.None, _guard.Token);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
