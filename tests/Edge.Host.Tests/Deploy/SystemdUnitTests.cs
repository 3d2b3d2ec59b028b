using System.Runtime.Versioning;
using Edge.Host.Tests.Support;

namespace Edge.Host.Tests.Deploy;

/// <summary>The shipped unit files pass systemd's own checker without a single warning.</summary>
[SupportedOSPlatform("linux")]
public sealed class SystemdUnitTests : IDisposable
{
    private const string SystemdAnalyze = "/usr/bin/systemd-analyze";

    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("omni-edge.service", "Edge.Host")]
    [InlineData("omni-central.service", "Central.Api")]
    public async Task Verify_ShippedUnit_ExitsZeroWithoutWarnings(string unit, string binary)
    {
        var path = CopyWithExistingBinary(unit, binary);

        var result = await ProcessRunner.RunAsync(SystemdAnalyze, ["verify", path], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.Output);
        var aboutUnit = result.Output.Split('\n').Where(line => line.Contains(unit, StringComparison.Ordinal));
        Assert.Empty(aboutUnit);
    }

    [Fact]
    public async Task Verify_UnknownDirective_IsReported()
    {
        // Guards the test above: systemd-analyze exits 0 on unknown keys, so the output must be read too.
        var path = CopyWithExistingBinary("omni-edge.service", "Edge.Host");
        await File.AppendAllTextAsync(path, "\n[Service]\nWatchdogSecs=30\n");

        var result = await ProcessRunner.RunAsync(SystemdAnalyze, ["verify", path], TimeSpan.FromSeconds(60));

        Assert.Contains("WatchdogSecs", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void EdgeUnit_RequiredSettings_Present()
    {
        var lines = File.ReadAllLines(RepositoryPaths.Combine("deploy", "systemd", "omni-edge.service"));

        string[] required =
        [
            "Type=notify", "WatchdogSec=30", "Restart=on-failure", "RestartPreventExitStatus=78",
            "DynamicUser=yes", "StateDirectory=omni-edge",
            "LoadCredential=omni-outbox-key:/etc/omni/outbox.key", "Environment=Omni__KeyFile=%d/omni-outbox-key",
            "ExecStart=/opt/omnichannel/edge/Edge.Host", "WorkingDirectory=%S/omni-edge", "NoNewPrivileges=yes",
            "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "PrivateDevices=yes",
            "ProtectKernelTunables=yes", "ProtectControlGroups=yes", "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6",
            "CapabilityBoundingSet=", "MemoryDenyWriteExecute=no", "SystemCallArchitectures=native",
            "LockPersonality=yes", "TimeoutStopSec=30",
            "LimitRTPRIO=10", "RestrictRealtime=no", "Environment=DOTNET_GCgen0size=0x200000",
        ];
        Assert.All(required, setting => Assert.Contains(setting, lines));
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>verify checks that ExecStart exists; the published binary is not on a build machine.</summary>
    private string CopyWithExistingBinary(string unit, string binary)
    {
        var fakeBinary = _temp.File(binary);
        File.WriteAllText(fakeBinary, "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(fakeBinary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var original = File.ReadAllLines(RepositoryPaths.Combine("deploy", "systemd", unit));
        Assert.Single(original, line => line.StartsWith("ExecStart=", StringComparison.Ordinal));
        var copy = original.Select(
            line => line.StartsWith("ExecStart=", StringComparison.Ordinal) ? "ExecStart=" + fakeBinary : line);
        var path = _temp.File(unit);
        File.WriteAllLines(path, copy);
        return path;
    }
}
