using Edge.Host.Systemd;

namespace Edge.Host.Tests.Systemd;

public sealed class SystemdWatchdogSettingsTests
{
    private const int OurPid = 4242;

    [Fact]
    public void Read_SocketAndUsec_EnabledWithHalfIntervalPets()
    {
        var settings = Read(("NOTIFY_SOCKET", "/run/systemd/notify"), ("WATCHDOG_USEC", "30000000"));

        Assert.Equal(WatchdogState.Enabled, settings.State);
        Assert.Equal("/run/systemd/notify", settings.NotifySocket);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(15), settings.PetInterval);
    }

    [Fact]
    public void Read_PidIsOurs_Enabled()
    {
        var settings = Read(("NOTIFY_SOCKET", "@abstract"), ("WATCHDOG_USEC", "1000000"), ("WATCHDOG_PID", "4242"));

        Assert.Equal(WatchdogState.Enabled, settings.State);
    }

    [Fact]
    public void Read_PidIsAnotherProcess_Disabled()
    {
        var settings = Read(("NOTIFY_SOCKET", "@abstract"), ("WATCHDOG_USEC", "1000000"), ("WATCHDOG_PID", "1"));

        Assert.Equal(WatchdogState.OtherProcess, settings.State);
    }

    [Fact]
    public void Read_NoNotifySocket_Disabled()
    {
        Assert.Equal(WatchdogState.NoNotifySocket, Read(("WATCHDOG_USEC", "1000000")).State);
    }

    [Fact]
    public void Read_NoWatchdogUsec_Disabled()
    {
        Assert.Equal(WatchdogState.NoWatchdog, Read(("NOTIFY_SOCKET", "/run/notify")).State);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("30s")]
    [InlineData("99999999999999999999999")]
    public void Read_BadUsec_Disabled(string usec)
    {
        Assert.Equal(WatchdogState.InvalidWatchdogUsec, Read(("NOTIFY_SOCKET", "/run/notify"), ("WATCHDOG_USEC", usec)).State);
    }

    [Theory]
    [InlineData("vsock:2:1234")]
    [InlineData("relative/path")]
    [InlineData("@")]
    public void Read_UnsupportedSocket_Disabled(string socket)
    {
        Assert.Equal(
            WatchdogState.UnsupportedNotifySocket,
            Read(("NOTIFY_SOCKET", socket), ("WATCHDOG_USEC", "1000000")).State);
    }

    private static SystemdWatchdogSettings Read(params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return SystemdWatchdogSettings.Read(name => environment.GetValueOrDefault(name), OurPid);
    }
}
