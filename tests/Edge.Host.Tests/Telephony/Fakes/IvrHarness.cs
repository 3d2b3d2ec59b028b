using Edge.Host.Telephony;
using Edge.Host.Telephony.Callers;
using Edge.Host.Telephony.Calls;
using Edge.Host.Telephony.Ivr;
using Edge.Host.Telephony.Recording;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omni.Contracts.V1;

namespace Edge.Host.Tests.Telephony.Fakes;

/// <summary>Wires the IVR by hand over fakes, as the host's container would.</summary>
internal sealed class IvrHarness
{
    public const string TrustedPeer = "127.0.0.2";
    public const string TransferUri = "sip:kcc@127.0.0.1:5070";

    // Wednesday 2 December 2026, 10:00 in Amsterdam (UTC+1): inside the test opening hours.
    public static readonly DateTimeOffset OpenInstant = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    // The same Wednesday at 19:00 in Amsterdam: after closing.
    public static readonly DateTimeOffset ClosedInstant = new(2026, 12, 2, 18, 0, 0, TimeSpan.Zero);

    public IvrHarness(EdgeConfiguration? configuration = null, DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? OpenInstant);
        Configuration = new FakeEdgeConfigurationProvider(configuration ?? DefaultConfiguration());
        Options = Microsoft.Extensions.Options.Options.Create(new TelephonyOptions
        {
            DeviceId = "ivr-gateway-1",
            TrustedTrunkPeers = [TrustedPeer],
        });
        var prompts = new PromptCatalog(Options, Logs.For<PromptCatalog>());
        var recorder = new CallRecorder(Recorder, Time, Options, Logs.For<CallRecorder>());
        Handler = new IvrCallHandler(
            new IvrMenuProvider(Configuration, prompts, Logs.For<IvrMenuProvider>()),
            new OpeningHoursCalendar(Logs.For<OpeningHoursCalendar>()),
            new CallerNumberResolver(Options),
            new CallerHasher(),
            recorder,
            prompts,
            Time,
            Logs.For<IvrCallHandler>());
    }

    public FakeTimeProvider Time { get; }

    public FakeEdgeConfigurationProvider Configuration { get; }

    public IOptions<TelephonyOptions> Options { get; }

    public FakeOmniRecorder Recorder { get; } = new();

    public LogSink Logs { get; } = new();

    public IvrCallHandler Handler { get; }

    public Klantcontact SingleKlantcontact => Assert.Single(Recorder.Klantcontacten);

    public FakeCallSession Call(CallerIdentity caller, params CallInput[] inputs) => new(Time, caller, inputs);

    public FakeCallSession Call(params CallInput[] inputs) => Call(FakeCallSession.From("sip:0612345678@127.0.0.1"), inputs);

    public Task<CallOutcome> RunAsync(FakeCallSession session) => Handler.HandleAsync(session, CancellationToken.None);

    /// <summary>Fails on any log line at Error or above: none of the tested paths is a fault.</summary>
    public void AssertNoErrors() =>
        Assert.DoesNotContain(Logs.Lines, line => line.Level >= LogLevel.Error);

    public static EdgeConfiguration DefaultConfiguration()
    {
        var menu = new IvrMenu { CallbackDigit = "9", MaxAttempts = 3, InputTimeoutSeconds = 5 };
        menu.Options.Add(new IvrOption
        {
            Digit = "1",
            Dienstverleningstype = Dienstverleningstype.AlgemeneVraag,
            Wachtrij = "burgerzaken",
            TransferUri = TransferUri,
        });
        menu.Options.Add(new IvrOption
        {
            Digit = "2",
            Dienstverleningstype = Dienstverleningstype.MakenAfspraak,
            Wachtrij = "afspraken",
        });
        var hours = new OpeningHours { TimeZone = "Europe/Amsterdam" };
        for (var day = 1; day <= 5; day++)
        {
            hours.Slots.Add(new OpeningSlot { IsoDayOfWeek = day, Opens = "08:30", Closes = "17:00" });
        }

        return new EdgeConfiguration { Version = "test-1", IvrMenu = menu, OpeningHours = hours };
    }
}
