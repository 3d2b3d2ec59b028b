namespace Telephony.EndToEnd.Tests.Support;

/// <summary>The caller numbers the scenarios send, in the forms a log line could hold them.</summary>
internal static class PersonalData
{
    public const string CallerNumber = "+31201234567";

    public static IReadOnlyCollection<string> CallerNumberForms { get; } = [CallerNumber, "31201234567", "0201234567"];

    /// <summary>
    /// No running process wrote an error or crashed (a start that lost a port race ends in errors by design), and no
    /// process at all wrote the caller's number in any form.
    /// </summary>
    public static void AssertClean(TelephonyCluster cluster, params string[] expectedErrorCategories)
    {
        cluster.OutputOfRunningProcesses().AssertNoErrors(expectedErrorCategories);
        foreach (var line in cluster.Output.Lines)
        {
            // The message names the source only: repeating the line would put the number in the test output.
            Assert.False(
                CallerNumberForms.Any(n => line.Text.Contains(n, StringComparison.Ordinal)),
                $"a line of {line.Source} contains the caller's number");
        }
    }
}
