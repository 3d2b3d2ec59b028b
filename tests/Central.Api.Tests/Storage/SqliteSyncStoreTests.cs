using Central.Api.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Central.Api.Tests.Storage;

public sealed class SqliteSyncStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ApplyBatchAsync_CancelledToken_ThrowsAndStoresNothing()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var store = host.Services.GetRequiredService<ISyncStore>();
        var router = host.Services.GetRequiredService<WachtrijRouter>();
        var batch = EnvelopeValidator.Sort(TestData.Batch(CentralHost.Start, 1, 3), CentralHost.Start, router);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ApplyBatchAsync(batch, cancellation.Token));

        Assert.Equal(0, await DatabaseProbe.ScalarAsync(_directory, "SELECT COUNT(*) FROM klantcontacten"));
        Assert.Equal(0, await DatabaseProbe.ScalarAsync(_directory, "SELECT COUNT(*) FROM sync_streams"));
    }

    [Fact]
    public async Task ApplyBatchAsync_NewContacts_StoresEachWithSourceEdgeAndNoClaim()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var store = host.Services.GetRequiredService<ISyncStore>();
        var router = host.Services.GetRequiredService<WachtrijRouter>();
        var batch = EnvelopeValidator.Sort(TestData.Batch(CentralHost.Start, 1, 3), CentralHost.Start, router);

        var result = await store.ApplyBatchAsync(batch, CancellationToken.None);

        Assert.Equal((3, 0), (result.Stored, result.Duplicates));
        Assert.Equal(3, await DatabaseProbe.ScalarAsync(_directory,
            "SELECT COUNT(*) FROM klantcontacten WHERE source = 'edge' AND received_at_ms > 0"));
        Assert.Equal(0, await DatabaseProbe.ScalarAsync(_directory, "SELECT COUNT(*) FROM sync_records"));
    }
}
