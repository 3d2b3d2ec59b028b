using Edge.Host.Telephony.Callers;
using Omni.Contracts.V1;

namespace Edge.Host.Telephony.Ivr;

/// <summary>What happened in one call, collected as it goes, to become its one klantcontact.</summary>
internal sealed class CallJournal
{
    private readonly List<string> _path = [];
    private readonly List<string> _choices = [];

    public CallJournal(Guid klantcontactId, Guid journeyId, DateTimeOffset startedAt, CallerNumber caller)
    {
        KlantcontactId = klantcontactId;
        JourneyId = journeyId;
        StartedAt = startedAt;
        Caller = caller;
    }

    public Guid KlantcontactId { get; }

    public Guid JourneyId { get; }

    public DateTimeOffset StartedAt { get; }

    public CallerNumber Caller { get; }

    /// <summary>Every step, in order, for the inhoud; never holds digits that were not menu choices.</summary>
    public IReadOnlyList<string> Path => _path;

    /// <summary>The steps that tell what the caller chose, for the onderwerp.</summary>
    public IReadOnlyList<string> Choices => _choices;

    public IvrOption? ChosenOption { get; private set; }

    public CallOutcome Outcome { get; private set; } = CallOutcome.Afgebroken;

    public SoortTaak? FollowUp { get; private set; }

    public bool IsFinished { get; private set; }

    /// <summary>Set once the record was handed to the recorder, whether or not that succeeded.</summary>
    public bool RecordAttempted { get; set; }

    public void Step(string step) => _path.Add(step);

    public void Choice(string choice)
    {
        _choices.Add(choice);
        _path.Add(choice);
    }

    public void Choose(char digit, IvrOption option)
    {
        ChosenOption = option;
        Choice($"{digit} {DienstverleningstypeNames.Of(option.Dienstverleningstype)}");
    }

    /// <summary>
    /// Sets the outcome once; later calls (e.g. a hang-up after the callback was recorded) change nothing.
    /// </summary>
    public void Finish(CallOutcome outcome, SoortTaak? followUp = null)
    {
        if (IsFinished)
        {
            return;
        }

        Outcome = outcome;
        FollowUp = followUp;
        IsFinished = true;
    }
}
