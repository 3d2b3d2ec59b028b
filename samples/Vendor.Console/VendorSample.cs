using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Omni.Contracts.V1;
using Omni.Sdk;

namespace Vendor.Console;

/// <summary>Records one klantcontact through the SDK, then reports the backlog until Central has it.</summary>
internal sealed class VendorSample(
    IOmniRecorder recorder, IOutboxMonitor monitor, TimeProvider timeProvider, TextWriter output)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public async Task<int> RunAsync(Kanaal kanaal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var receipt = await recorder.RecordKlantcontactAsync(NewKlantcontact(kanaal), cancellationToken);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"recorded klantcontact {receipt.RecordId} (sequence {receipt.Sequence}); durable in the outbox"));

        var deadline = timeProvider.GetUtcNow() + timeout;
        while (true)
        {
            var status = await monitor.GetStatusAsync(cancellationToken);
            await output.WriteLineAsync(Describe(status));
            if (status.BacklogCount == 0)
            {
                await output.WriteLineAsync("delivered");
                return ExitCodes.Delivered;
            }

            if (timeProvider.GetUtcNow() >= deadline)
            {
                await output.WriteLineAsync("timed out; the record stays in the outbox and is sent when Central is back");
                return ExitCodes.TimedOut;
            }

            await Task.Delay(PollInterval, timeProvider, cancellationToken);
        }
    }

    private Klantcontact NewKlantcontact(Kanaal kanaal) => new()
    {
        Kanaal = kanaal,
        Onderwerp = "Voorbeeld uit Vendor.Console",
        Taal = "nld",
        PlaatsgevondenOp = Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow()),
        IndicatieContactGelukt = true,
        Actor = new Actor { SoortActor = SoortActor.GeautomatiseerdeActor, Identificator = "vendor-console" },
        Dienstverleningstype = Dienstverleningstype.AlgemeneVraag,
    };

    private static string Describe(OutboxStatus status)
    {
        var central = status.CentralReachable ? "reachable" : "unreachable";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"backlog {status.BacklogCount} ({status.BacklogBytes} bytes), central {central}");
    }
}
