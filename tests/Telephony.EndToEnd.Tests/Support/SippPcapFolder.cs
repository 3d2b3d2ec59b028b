namespace Telephony.EndToEnd.Tests.Support;

/// <summary>A working folder for sipp's uac_pcap: it resolves play_pcap_audio="pcap/..." against its working folder.</summary>
internal static class SippPcapFolder
{
    /// <summary>Creates <c>sipp/pcap/</c> under <paramref name="parent"/> with sip-tester's pcap files; returns <c>sipp</c>.</summary>
    public static string Create(string parent)
    {
        var folder = Directory.CreateDirectory(Path.Combine(parent, "sipp")).FullName;
        var pcap = Directory.CreateDirectory(Path.Combine(folder, "pcap")).FullName;
        foreach (var file in Directory.EnumerateFiles("/usr/share/sip-tester", "*.pcap"))
        {
            File.Copy(file, Path.Combine(pcap, Path.GetFileName(file)));
        }

        return folder;
    }
}
