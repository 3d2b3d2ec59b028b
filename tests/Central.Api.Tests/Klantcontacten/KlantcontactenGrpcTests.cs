using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Omni.Contracts.V1;
using Omni.Sdk.Tests.Support;

namespace Central.Api.Tests.Klantcontacten;

public sealed class KlantcontactenGrpcTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CreateKlantcontact_SameUuidOtherContent_ReturnsAlreadyExists()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var klantcontact = TestData.Klantcontact(CentralHost.Start);
        await host.Klantcontacten.CreateKlantcontactAsync(new CreateKlantcontactRequest { Klantcontact = klantcontact });
        var changed = klantcontact.Clone();
        changed.Vertrouwelijk = true;

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Klantcontacten.CreateKlantcontactAsync(new CreateKlantcontactRequest { Klantcontact = changed }));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
    }

    [Fact]
    public async Task CreateKlantcontact_NoKlantcontact_ReturnsInvalidArgumentNamingIt()
    {
        await using var host = await CentralHost.StartAsync(_directory);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Klantcontacten.CreateKlantcontactAsync(new CreateKlantcontactRequest()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("klantcontact: is required", error.Status.Detail);
    }

    [Fact]
    public async Task CreateKlantcontact_UnknownFieldsOnTheWire_ReturnsInvalidArgumentNamingNumbersAndStoresNothing()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var klantcontact = UnknownFieldWire.With(TestData.Klantcontact(CentralHost.Start), 99, TestData.Bsn);
        klantcontact.Betrokkenen[0].DigitaalAdres =
            UnknownFieldWire.With(klantcontact.Betrokkenen[0].DigitaalAdres, 7, TestData.Name);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Klantcontacten.CreateKlantcontactAsync(new CreateKlantcontactRequest { Klantcontact = klantcontact }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            "unknownFields: field numbers 99 are not in this contract; "
            + "betrokkenen[0].digitaalAdres.unknownFields: field numbers 7 are not in this contract",
            error.Status.Detail);
        Assert.Equal(0, await DatabaseProbe.ScalarAsync(_directory, "SELECT COUNT(*) FROM klantcontacten"));
        host.Logs.AssertClean(TestData.PersonalData);
    }

    [Fact]
    public async Task CreateKlantcontact_UnknownFieldOfMegabytesOnTheWire_ReturnsInvalidArgument()
    {
        // Far over every field's limit, yet under any message limit Central allows (at least 4 MiB).
        await using var host = await CentralHost.StartAsync(_directory);
        var klantcontact = UnknownFieldWire.With(TestData.Klantcontact(CentralHost.Start), 99, new string('x', 3_000_000));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Klantcontacten.CreateKlantcontactAsync(new CreateKlantcontactRequest { Klantcontact = klantcontact }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("unknownFields: field numbers 99 are not in this contract", error.Status.Detail);
        Assert.Equal(0, await DatabaseProbe.ScalarAsync(_directory, "SELECT COUNT(*) FROM klantcontacten"));
    }

    [Fact]
    public async Task ListKlantcontacten_ToBeforeFrom_ReturnsInvalidArgumentNamingBoth()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var request = new ListKlantcontactenRequest
        {
            PlaatsgevondenOpVanaf = Timestamp.FromDateTimeOffset(CentralHost.Start),
            PlaatsgevondenOpTot = Timestamp.FromDateTimeOffset(CentralHost.Start.AddSeconds(-1)),
        };

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Klantcontacten.ListKlantcontactenAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("plaatsgevondenOpTot: must not be before plaatsgevondenOpVanaf", error.Status.Detail);
    }

    [Fact]
    public async Task GetKlantcontact_StoredByEdgeSync_ReturnsIt()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var batch = TestData.Batch(CentralHost.Start, first: 1, count: 1);
        await host.Sync.PushBatchAsync(batch);

        var stored = await host.Klantcontacten.GetKlantcontactAsync(
            new GetKlantcontactRequest { Uuid = batch.Envelopes[0].RecordId.ToUpperInvariant() });

        Assert.Equal(batch.Envelopes[0].Klantcontact, stored);
    }

    [Fact]
    public async Task GetKlantcontact_Unknown_ReturnsNotFound()
    {
        await using var host = await CentralHost.StartAsync(_directory);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await host.Klantcontacten.GetKlantcontactAsync(
            new GetKlantcontactRequest { Uuid = TestData.NewUuid(CentralHost.Start) }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
