using Edge.Host.Telephony;
using Edge.Host.Telephony.Calls;
using Edge.Host.Telephony.Ivr;
using Edge.Host.Tests.Telephony.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omni.Sdk;

namespace Edge.Host.Tests.Telephony;

public sealed class TelephonyServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddTelephonyRole_WithSdkServices_ResolvesADispatcherThatRecordsCalls()
    {
        var recorder = new FakeOmniRecorder();
        using var provider = Build(
            new Dictionary<string, string?> { ["Telephony:TrustedTrunkPeers:0"] = "127.0.0.2" },
            recorder,
            sdkDeviceId: "ivr-gateway-7");

        var dispatcher = provider.GetRequiredService<CallDispatcher>();
        using var call = new FakeCallSession(
            (FakeTimeProvider)provider.GetRequiredService<TimeProvider>(),
            FakeCallSession.From("sip:0612345678@127.0.0.1"),
            CallInput.Press('9'));

        Assert.Equal(CallOutcome.TerugbelverzoekGenoteerd, await dispatcher.DispatchAsync(call, CancellationToken.None));
        Assert.Equal("ivr-gateway-7", Assert.Single(recorder.Klantcontacten).Actor.Identificator);
        Assert.Equal(["127.0.0.2"], provider.GetRequiredService<IOptions<TelephonyOptions>>().Value.TrustedTrunkPeers);
    }

    [Fact]
    public void AddTelephonyRole_InvalidSettings_FailsOnFirstUse()
    {
        using var provider = Build(
            new Dictionary<string, string?> { ["Telephony:DeviceId"] = "gw", ["Telephony:SipListenAddress"] = "nowhere" },
            new FakeOmniRecorder(),
            sdkDeviceId: "unused");

        var options = provider.GetRequiredService<IOptions<TelephonyOptions>>();

        var error = Assert.Throws<OptionsValidationException>(() => options.Value);
        Assert.Contains("SipListenAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_EveryLineBusy_RecordsTheRefusedCallAsBezet()
    {
        var recorder = new FakeOmniRecorder();
        using var provider = Build(
            new Dictionary<string, string?> { ["Telephony:MaxConcurrentCalls"] = "1" },
            recorder,
            sdkDeviceId: "gw");
        var dispatcher = provider.GetRequiredService<CallDispatcher>();
        var time = (FakeTimeProvider)provider.GetRequiredService<TimeProvider>();
        var caller = FakeCallSession.From("sip:0612345678@127.0.0.1");
        using var first = new FakeCallSession(time, caller, CallInput.Silence, CallInput.HangUp)
        {
            SilenceAdvance = null,
        };
        using var second = new FakeCallSession(time, FakeCallSession.From("sip:0201234567@127.0.0.1"));

        var running = dispatcher.DispatchAsync(first, CancellationToken.None);
        await first.WaitingForDigit;
        var refused = await dispatcher.DispatchAsync(second, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));
        await running;

        Assert.Equal(CallOutcome.Bezet, refused);
        Assert.Empty(second.Played);
        Assert.Equal(2, recorder.Klantcontacten.Count);
        Assert.Equal("IVR: geen keuze -> in gesprek", recorder.Klantcontacten[0].Onderwerp);
        Assert.False(recorder.Klantcontacten[0].IndicatieContactGelukt);
        Assert.Equal("IVR: geen keuze -> opgehangen", recorder.Klantcontacten[1].Onderwerp);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, IOmniRecorder recorder, string sdkDeviceId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(IvrHarness.OpenInstant));
        services.AddSingleton(recorder);
        services.AddSingleton<IEdgeConfigurationProvider>(new FakeEdgeConfigurationProvider(IvrHarness.DefaultConfiguration()));
        services.Configure<OmniSdkOptions>(o => o.DeviceId = sdkDeviceId);
        services.AddTelephonyRole(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
