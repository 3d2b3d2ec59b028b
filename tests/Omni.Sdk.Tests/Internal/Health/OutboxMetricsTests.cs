using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omni.Sdk.Tests.Support;

namespace Omni.Sdk.Tests.Internal.Health;

public sealed class OutboxMetricsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Meter_WithBacklog_PublishesCountAgeAndAppends()
    {
        var keyFile = TestKeys.WriteHexKeyFile(_dir.Path, TestKeys.NewKey());
        await using var sdk = await SdkHarness.StartAsync(_dir.Path, new Uri("http://127.0.0.1:1"), _time, keyFile);
        var meterFactory = sdk.Services.GetRequiredService<IMeterFactory>();
        var measured = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Other tests' hosts publish the same meter name in parallel; listen to this host's meter only.
            if (instrument.Meter.Name == OmniSdkTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => Add(measured, i.Name, value));
        listener.SetMeasurementEventCallback<double>((i, value, _, _) => Add(measured, i.Name, value));
        listener.Start();

        await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
        await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
        _time.Advance(TimeSpan.FromMinutes(5));
        listener.RecordObservableInstruments();

        Assert.Equal(2, measured["omni.outbox.appends"]);
        Assert.Equal(2, measured["omni.outbox.backlog"]);
        Assert.Equal(300, measured["omni.outbox.oldest_age"]);
        Assert.Equal(0, measured["omni.outbox.dead_letters"]);
        Assert.True(measured["omni.outbox.backlog.bytes"] > 0);
    }

    private static void Add(Dictionary<string, double> measured, string name, double value)
    {
        lock (measured)
        {
            measured[name] = measured.GetValueOrDefault(name) + value;
        }
    }
}
