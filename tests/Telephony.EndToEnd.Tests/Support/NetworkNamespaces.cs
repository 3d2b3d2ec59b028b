using System.Globalization;
using System.Security.Cryptography;

namespace Telephony.EndToEnd.Tests.Support;

/// <summary>
/// Two network namespaces made for one test, joined only by a veth pair with a /30 from 10.200.0.0/16 that exists
/// nowhere else: A (the gateway and its Central, on A's own loopback) and B (the SIP phone). No routes beyond the
/// pair are added, so traffic can only go between the two addresses or stay on each namespace's loopback. Disposing
/// deletes both namespaces, which also removes the veth pair.
/// </summary>
internal sealed class NetworkNamespaces : IAsyncDisposable
{
    private NetworkNamespaces(int subnet)
    {
        var suffix = subnet.ToString(CultureInfo.InvariantCulture);
        A = "omni-tA" + suffix;
        B = "omni-tB" + suffix;
        InterfaceA = "omniva" + suffix;
        InterfaceB = "omnivb" + suffix;
        AddressA = $"10.200.{suffix}.1";
        AddressB = $"10.200.{suffix}.2";
    }

    public string A { get; }

    public string B { get; }

    public string InterfaceA { get; }

    public string InterfaceB { get; }

    public string AddressA { get; }

    public string AddressB { get; }

    /// <summary>Why the namespaces cannot be made here, or null when they can.</summary>
    public static string? Unavailable()
    {
        if (Environment.UserName != "root")
        {
            return "network namespaces need root (the test runs as " + Environment.UserName + ")";
        }

        if (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/bin/ip"))
        {
            return "the ip command (iproute2) is not installed";
        }

        return Directory.Exists("/proc/self/ns") ? null : "this kernel has no namespaces";
    }

    public static async Task<NetworkNamespaces> CreateAsync()
    {
        var subnet = await FreeSubnetAsync();
        var pair = new NetworkNamespaces(subnet);
        try
        {
            await pair.SetUpAsync();
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Command.RunAsync("ip", "netns", "delete", A);
        await Command.RunAsync("ip", "netns", "delete", B);
    }

    private async Task SetUpAsync()
    {
        await Command.RunCheckedAsync("ip", "netns", "add", A);
        await Command.RunCheckedAsync("ip", "netns", "add", B);
        await Command.RunCheckedAsync("ip", "link", "add", InterfaceA, "type", "veth", "peer", "name", InterfaceB);
        await Command.RunCheckedAsync("ip", "link", "set", InterfaceA, "netns", A);
        await Command.RunCheckedAsync("ip", "link", "set", InterfaceB, "netns", B);
        await Command.RunCheckedAsync("ip", "-n", A, "addr", "add", AddressA + "/30", "dev", InterfaceA);
        await Command.RunCheckedAsync("ip", "-n", B, "addr", "add", AddressB + "/30", "dev", InterfaceB);
        foreach (var (space, device) in new[] { (A, InterfaceA), (B, InterfaceB), (A, "lo"), (B, "lo") })
        {
            await Command.RunCheckedAsync("ip", "-n", space, "link", "set", device, "up");
        }
    }

    // A /30 that no interface of this machine uses, so nothing outside the pair can be reached by mistake.
    private static async Task<int> FreeSubnetAsync()
    {
        var (_, addresses) = await Command.RunAsync("ip", "-o", "addr");
        var (_, spaces) = await Command.RunAsync("ip", "netns", "list");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var candidate = RandomNumberGenerator.GetInt32(1, 255);
            var text = candidate.ToString(CultureInfo.InvariantCulture);
            if (!addresses.Contains($"10.200.{text}.", StringComparison.Ordinal)
                && !spaces.Contains("omni-tA" + text, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No free 10.200.x.0/30 subnet.");
    }
}
