using System.Security.Cryptography;
using System.Text;
using Omnichannel.EndToEnd.Tests.Support;

namespace Omnichannel.EndToEnd.Tests.StoreAndForward;

/// <summary>
/// An outbox file that is not a usable outbox may still hold undelivered records: the edge must refuse to start,
/// say which file, and leave it exactly as it was for an operator to rescue.
/// </summary>
public sealed class CorruptOutboxTests
{
    /// <summary>EX_CONFIG (sysexits.h): a refusal to start, not a crash (an unhandled exception gives 134).</summary>
    private const int CannotStart = 78;

    public static TheoryData<string> Damage => ["garbage", "sqlite-header-then-garbage", "truncated-outbox"];

    [Theory]
    [MemberData(nameof(Damage))]
    public async Task Start_CorruptOutbox_ExitsNonZeroNamingTheFileAndLeavesItUnchanged(string damage)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = limit.Token;
        await using var cluster = new ProductCluster();
        var edge = cluster.AddEdge("kiosk-corrupt");
        await WriteDamagedOutboxAsync(damage, cluster, edge, ct);
        var before = await File.ReadAllBytesAsync(edge.Settings.OutboxPath, ct);

        var process = await edge.StartAsync(waitUntilReady: false, ct);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var stderr = string.Join('\n', cluster.Output.Lines
            .Where(line => line.Source == process.Name && line.IsError)
            .Select(line => line.Text));
        Assert.True(exitCode == CannotStart, $"exit {exitCode} ({damage}):\n{cluster.Output.Tail(process.Name)}");
        var expected = $"Edge.Host cannot start: The outbox file '{edge.Settings.OutboxPath}' cannot be used: ";
        Assert.StartsWith(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
        var after = await File.ReadAllBytesAsync(edge.Settings.OutboxPath, ct);
        Assert.Equal(SHA256.HashData(before), SHA256.HashData(after));
        // The host logs its failed start as an error; that is the expected refusal.
        cluster.AssertCleanOutput("Microsoft.Extensions.Hosting.Internal.Host");
    }

    private static async Task WriteDamagedOutboxAsync(
        string damage, ProductCluster cluster, EdgeNode edge, CancellationToken ct)
    {
        var path = edge.Settings.OutboxPath;
        switch (damage)
        {
            case "garbage":
                await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes(16 * 1024), ct);
                break;
            case "sqlite-header-then-garbage":
                // A valid 16-byte SQLite magic string (https://www.sqlite.org/fileformat.html §1.3), then noise.
                var magic = Encoding.ASCII.GetBytes("SQLite format 3\0");
                await File.WriteAllBytesAsync(path, [.. magic, .. RandomNumberGenerator.GetBytes(8192)], ct);
                break;
            default:
                await WriteTruncatedOutboxAsync(cluster, edge, ct);
                break;
        }
    }

    /// <summary>A real outbox holding undelivered records (Central never started), cut to half its length.</summary>
    private static async Task WriteTruncatedOutboxAsync(ProductCluster cluster, EdgeNode edge, CancellationToken ct)
    {
        await edge.StartAsync(ct);
        await new LoadGenerator(edge, cluster.Seeded).RunAsync(clients: 4, total: 200, ct);
        await edge.StopAsync();
        await using var file = new FileStream(edge.Settings.OutboxPath, FileMode.Open, FileAccess.ReadWrite);
        file.SetLength(file.Length / 2);
    }
}
