using Edge.Host.Telephony;
using Microsoft.Extensions.Options;

namespace Edge.Host.Tests.Telephony;

public sealed class TelephonyOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new TelephonyOptions { DeviceId = "ivr-gateway-1" };

        Assert.Empty(Validate(options));
        Assert.Equal("127.0.0.1", options.SipListenAddress);
        Assert.Equal(5060, options.SipListenPort);
        Assert.Equal((40000, 40999), (options.RtpPortMin, options.RtpPortMax));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachByFieldName()
    {
        var options = new TelephonyOptions
        {
            DeviceId = string.Empty,
            SipListenAddress = "localhost",
            SipListenPort = 0,
            RtpPortMin = 41000,
            RtpPortMax = 40000,
            TrustedTrunkPeers = ["127.0.0.2", "trunk.example"],
            PromptFolder = "/nonexistent/prompts",
            MaxTcpConnections = 0,
            TcpIdleTimeout = TimeSpan.Zero,
        };

        var failures = string.Join("\n", Validate(options));

        string[] fields = ["DeviceId", "SipListenAddress", "SipListenPort", "RtpPortMin", "TrustedTrunkPeers[1]", "PromptFolder",
            "MaxTcpConnections", "TcpIdleTimeout"];
        foreach (var field in fields)
        {
            Assert.Contains(field, failures, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("trunk.example", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RtpRangeSmallerThanTheCalls_Fails()
    {
        var options = new TelephonyOptions { DeviceId = "gw", RtpPortMin = 40000, RtpPortMax = 40009, MaxConcurrentCalls = 6 };

        Assert.Contains(Validate(options), f => f.Contains("port pairs", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PromptFolderWithoutARequiredPrompt_NamesThePrompt()
    {
        var folder = Directory.CreateTempSubdirectory("ivr-prompts-");
        try
        {
            var options = new TelephonyOptions { DeviceId = "gw", PromptFolder = folder.FullName };

            Assert.Contains(Validate(options), f => f.Contains("'welkom'", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<string> Validate(TelephonyOptions options) =>
        new IValidateOptions<TelephonyOptions>[] { new TelephonyOptionsValidator(), new TelephonyOptionsConsistencyValidator() }
            .Select(v => v.Validate(Options.DefaultName, options))
            .SelectMany(r => r.Failures ?? [])
            .ToList();
}
