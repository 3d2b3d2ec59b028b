using Edge.Host.Tests.Telephony.Fakes;

namespace Edge.Host.Tests.Telephony.Ivr;

/// <summary>The caller's number is personal data: no log line may carry it in any spelling.</summary>
public sealed class CallerPrivacyLogTests
{
    // Every spelling a log line could leak: as dialled, national significant number, E.164 and international.
    private static readonly string[] NumberForms = ["0612345678", "612345678", "+31612345678", "0031612345678", "12345678"];

    public static TheoryData<string, string?, char[]> Calls => new()
    {
        { "sip:0612345678@127.0.0.1", null, ['9'] },
        { "sip:0612345678@127.0.0.1", null, ['1'] },
        { "sip:0612345678@127.0.0.1", null, ['2'] },
        { "\"Jan\" <sip:0031612345678@127.0.0.1>;tag=1", null, ['5', '5', '5'] },
        { "sip:anonymous@anonymous.invalid", "<tel:+31612345678>", ['9', '1'] },
        { "sip:0612345678@127.0.0.1", "<sip:+31612345678@127.0.0.2;user=phone>", ['4', '9'] },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task HandleAsync_AnyPath_NoLogLineContainsTheCallersNumber(string from, string? pai, char[] digits)
    {
        var ivr = new IvrHarness();
        var inputs = digits.Select(CallInput.Press).Append(CallInput.HangUp).ToArray();
        using var call = ivr.Call(FakeCallSession.From(from, pai, peer: IvrHarness.TrustedPeer), inputs);

        await ivr.RunAsync(call);
        using var busy = ivr.Call(FakeCallSession.From(from, pai, peer: IvrHarness.TrustedPeer));
        await ivr.Handler.RecordBusyAsync(busy);

        Assert.NotEmpty(ivr.Logs.Lines);
        foreach (var line in ivr.Logs.Lines)
        {
            foreach (var form in NumberForms)
            {
                Assert.DoesNotContain(form, line.AllText, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task HandleAsync_SameCallerTwice_LogsTheSameKeyedHash()
    {
        var ivr = new IvrHarness();
        using var first = ivr.Call(CallInput.HangUp);
        using var second = ivr.Call(CallInput.HangUp);

        await ivr.RunAsync(first);
        await ivr.RunAsync(second);

        var hashes = ivr.Logs.Lines.Where(line => line.EventId.Id == 5000)
            .Select(line => line.Arguments.Split('|').Single(a => a.StartsWith("CallerHash=", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(2, hashes.Count);
        Assert.Equal(hashes[0], hashes[1]);
        Assert.NotEqual("CallerHash=none", hashes[0]);
    }
}
