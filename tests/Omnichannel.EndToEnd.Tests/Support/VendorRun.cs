using System.Text.RegularExpressions;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>The outcome of one Vendor.Console run: its exit code and the id of the klantcontact it recorded.</summary>
internal sealed partial record VendorRun(int ExitCode, string RecordId)
{
    public static VendorRun From(string source, int exitCode, ProcessOutput output)
    {
        var recorded = output.Lines
            .Where(line => line.Source == source && !line.IsError)
            .Select(line => Recorded().Match(line.Text))
            .FirstOrDefault(match => match.Success);
        Assert.True(recorded is not null, $"{source} printed no 'recorded klantcontact' line:\n{output.Tail(source)}");
        return new VendorRun(exitCode, recorded.Groups["id"].Value);
    }

    [GeneratedRegex("^recorded klantcontact (?<id>[0-9a-f-]{36}) ", RegexOptions.CultureInvariant)]
    private static partial Regex Recorded();
}
