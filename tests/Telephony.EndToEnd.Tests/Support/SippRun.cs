namespace Telephony.EndToEnd.Tests.Support;

/// <summary>What one sipp run reported: its exit code (0: every call succeeded) and its output for messages.</summary>
internal sealed record SippRun(int ExitCode, string Output)
{
    public bool AllCallsSucceeded => ExitCode == 0;
}
