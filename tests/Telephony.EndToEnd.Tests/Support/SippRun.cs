namespace Telephony.EndToEnd.Tests.Support;

/// <summary>
/// What one sipp run reported: its exit code (0: every call succeeded), its output for messages, and how many starts
/// it took (a start that lost its port to another process is repeated).
/// </summary>
internal sealed record SippRun(int ExitCode, string Output, int Starts = 1)
{
    public bool AllCallsSucceeded => ExitCode == 0;
}
