using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Omni.Contracts.V1;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>
/// Concurrent clients POSTing klantcontacten with client-minted uuids to one edge, across its restarts. Half the
/// clients are careful: without an answer they retry the same uuid until one comes (a stored record then answers
/// 200). The other half give up on a record at once, leaving it unconfirmed.
/// </summary>
internal sealed class LoadGenerator(EdgeNode edge, SeededContacts seeded)
{
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromMilliseconds(25);

    private readonly ConcurrentDictionary<string, byte> _confirmed = new();
    private readonly ConcurrentDictionary<string, byte> _unanswered = new();
    private int _refused;
    private int _replayed;

    /// <summary>Uuids for which some POST answered 201 or 200: the edge promised they are durable.</summary>
    public IReadOnlyCollection<string> Confirmed => _confirmed.Keys.ToList();

    /// <summary>Uuids that were sent but never confirmed: they may arrive at most once.</summary>
    public int UnansweredCount => _unanswered.Keys.Count(uuid => !_confirmed.ContainsKey(uuid));

    /// <summary>Answers other than 201, 200 or no answer at all; a valid record should never get one.</summary>
    public int RefusedCount => _refused;

    /// <summary>Retries that found the record already durable (200): the response of the first try was lost.</summary>
    public int ReplayedCount => _replayed;

    /// <summary>Runs <paramref name="clients"/> clients until <paramref name="stop"/> or the total.</summary>
    public Task RunAsync(int clients, int total, CancellationToken stop)
    {
        var remaining = new StrongBox<int>(total);
        return Task.WhenAll(Enumerable.Range(0, clients)
            .Select(client => Task.Run(() => ClientAsync(careful: client % 2 == 0, remaining, stop))));
    }

    private async Task ClientAsync(bool careful, StrongBox<int> remaining, CancellationToken stop)
    {
        Klantcontact? retry = null;
        while (!stop.IsCancellationRequested && (retry is not null || Interlocked.Decrement(ref remaining.Value) >= 0))
        {
            var klantcontact = retry ?? seeded.Next();
            var outcome = await edge.PostAsync(klantcontact, stop);
            retry = Note(klantcontact, outcome) || !careful ? null : klantcontact;
            if (outcome is not (PostOutcome.Created or PostOutcome.Replayed))
            {
                await PauseAsync(stop);
            }
        }
    }

    /// <summary>Records the outcome; false means the record's fate is unknown.</summary>
    private bool Note(Klantcontact klantcontact, PostOutcome outcome)
    {
        switch (outcome)
        {
            case PostOutcome.Created:
                _confirmed[klantcontact.Uuid] = 0;
                return true;
            case PostOutcome.Replayed:
                _confirmed[klantcontact.Uuid] = 0;
                Interlocked.Increment(ref _replayed);
                return true;
            case PostOutcome.Refused:
                Interlocked.Increment(ref _refused);
                return true;
            default:
                _unanswered[klantcontact.Uuid] = 0;
                return false;
        }
    }

    private static async Task PauseAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(PauseAfterFailure, TimeProvider.System, stop);
        }
        catch (OperationCanceledException)
        {
            // The load is stopping.
        }
    }
}
