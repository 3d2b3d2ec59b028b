using System.Net;
using Edge.Host.Telephony.Ivr;
using Microsoft.Extensions.Options;

namespace Edge.Host.Telephony;

/// <summary>Checks what annotations cannot: addresses, the RTP range and the prompt folder; reports all at once.</summary>
internal sealed class TelephonyOptionsConsistencyValidator : IValidateOptions<TelephonyOptions>
{
    public ValidateOptionsResult Validate(string? name, TelephonyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckAddresses(options, failures);
        CheckRtpRange(options, failures);
        CheckPrompts(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckAddresses(TelephonyOptions options, List<string> failures)
    {
        if (!IPAddress.TryParse(options.SipListenAddress, out _))
        {
            failures.Add($"{nameof(TelephonyOptions.SipListenAddress)} is not an IP address.");
        }

        if (!IPAddress.TryParse(options.RtpAddress, out _))
        {
            failures.Add($"{nameof(TelephonyOptions.RtpAddress)} is not an IP address.");
        }

        for (var i = 0; i < options.TrustedTrunkPeers.Count; i++)
        {
            if (!IPAddress.TryParse(options.TrustedTrunkPeers[i], out _))
            {
                failures.Add($"{nameof(TelephonyOptions.TrustedTrunkPeers)}[{i}] is not an IP address.");
            }
        }
    }

    // RFC 3550 §11: each call takes an even RTP port and the odd RTCP port above it.
    private static void CheckRtpRange(TelephonyOptions options, List<string> failures)
    {
        var pairs = (options.RtpPortMax - options.RtpPortMin + 1) / 2;
        if (options.RtpPortMin > options.RtpPortMax)
        {
            failures.Add($"{nameof(TelephonyOptions.RtpPortMin)} is above {nameof(TelephonyOptions.RtpPortMax)}.");
        }
        else if (pairs < options.MaxConcurrentCalls)
        {
            failures.Add(
                $"{nameof(TelephonyOptions.RtpPortMin)}..{nameof(TelephonyOptions.RtpPortMax)} holds fewer RTP/RTCP "
                + $"port pairs than {nameof(TelephonyOptions.MaxConcurrentCalls)}.");
        }
    }

    private static void CheckPrompts(TelephonyOptions options, List<string> failures)
    {
        var folder = PromptCatalog.ResolveFolder(options.PromptFolder);
        if (!Directory.Exists(folder))
        {
            failures.Add($"{nameof(TelephonyOptions.PromptFolder)} does not exist.");
            return;
        }

        var missing = IvrPrompts.Required.Where(p => !File.Exists(Path.Combine(folder, p + PromptCatalog.Extension)));
        failures.AddRange(missing.Select(p => $"{nameof(TelephonyOptions.PromptFolder)} lacks the prompt '{p}'."));
    }
}
