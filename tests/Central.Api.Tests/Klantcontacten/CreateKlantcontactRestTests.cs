using System.Net;
using System.Text.Json;
using Omni.Contracts.V1;

namespace Central.Api.Tests.Klantcontacten;

public sealed class CreateKlantcontactRestTests : IDisposable
{
    private const string Path = "/api/v1/klantcontacten";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Post_NewKlantcontact_CreatedWithLocationAndGetReturnsIt()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var klantcontact = TestData.Klantcontact(CentralHost.Start);

        using var created = await host.Http.PostAsync(Path, RestJson.Body(klantcontact));
        using var fetched = await host.Http.GetAsync($"{Path}/{klantcontact.Uuid}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{Path}/{klantcontact.Uuid}", created.Headers.Location?.OriginalString);
        Assert.Equal(klantcontact, await RestJson.ReadAsync<Klantcontact>(created));
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(klantcontact, await RestJson.ReadAsync<Klantcontact>(fetched));
        host.Logs.AssertClean(TestData.PersonalData);
    }

    [Fact]
    public async Task Post_HandWrittenJsonWithEnumNames_IsAccepted()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var uuid = TestData.NewUuid(CentralHost.Start);
        var json = $$"""
            {"uuid":"{{uuid}}","kanaal":"telefoon","onderwerp":"Afval","dienstverleningstype":"melden_overlast",
             "plaatsgevondenOp":"2031-03-10T09:58:00Z","journeyId":"j-7"}
            """;

        using var response = await host.Http.PostAsync(Path, RestJson.Body(json));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("telefoon", body.RootElement.GetProperty("kanaal").GetString());
        Assert.Equal("j-7", body.RootElement.GetProperty("journeyId").GetString());
    }

    [Fact]
    public async Task Post_JsonFieldTheContractDoesNotKnow_IsDroppedNeverStored()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var uuid = TestData.NewUuid(CentralHost.Start);
        var json = $$"""
            {"uuid":"{{uuid}}","kanaal":"telefoon","plaatsgevondenOp":"2031-03-10T09:58:00Z","bsn":"{{TestData.Bsn}}"}
            """;

        using var response = await host.Http.PostAsync(Path, RestJson.Body(json));

        // JSON has no unknown-field carrier: transcoding drops the member, so nothing unvalidated reaches the store.
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain(TestData.Bsn, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await DatabaseProbe.ScalarAsync(_directory,
            $"SELECT COUNT(*) FROM klantcontacten WHERE instr(payload, CAST('{TestData.Bsn}' AS BLOB)) > 0"));
        host.Logs.AssertClean(TestData.PersonalData);
    }

    [Fact]
    public async Task Post_SameUuidAndContentAgain_ReturnsTheStoredKlantcontact()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var klantcontact = TestData.Klantcontact(CentralHost.Start);
        using var first = await host.Http.PostAsync(Path, RestJson.Body(klantcontact));

        // The same contact with its uuid in upper case is the same contact.
        var again = klantcontact.Clone();
        again.Uuid = klantcontact.Uuid.ToUpperInvariant();
        using var second = await host.Http.PostAsync(Path, RestJson.Body(again));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(klantcontact, await RestJson.ReadAsync<Klantcontact>(second));
        Assert.Equal(1, await DatabaseProbe.ScalarAsync(_directory, "SELECT COUNT(*) FROM klantcontacten"));
    }

    [Fact]
    public async Task Post_SameUuidDifferentContent_Returns409AndKeepsTheFirst()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var klantcontact = TestData.Klantcontact(CentralHost.Start);
        using var first = await host.Http.PostAsync(Path, RestJson.Body(klantcontact));
        var changed = klantcontact.Clone();
        changed.Onderwerp = "Iets anders";

        using var second = await host.Http.PostAsync(Path, RestJson.Body(changed));
        using var fetched = await host.Http.GetAsync($"{Path}/{klantcontact.Uuid}");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(klantcontact, await RestJson.ReadAsync<Klantcontact>(fetched));
        host.Logs.AssertClean(TestData.PersonalData);
    }

    [Theory]
    [InlineData("", "uuid: is required")]
    [InlineData("12345", "uuid: must be a UUID in 8-4-4-4-12 form")]
    [InlineData("0193a0b2c3d47e8f9a0b1c2d3e4f5a6b", "uuid: must be a UUID in 8-4-4-4-12 form")]
    public async Task Post_MissingOrInvalidUuid_Returns400NamingTheField(string uuid, string expected)
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var klantcontact = TestData.Klantcontact(CentralHost.Start, uuid);

        using var response = await host.Http.PostAsync(Path, RestJson.Body(klantcontact));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, await MessageAsync(response));
    }

    [Fact]
    public async Task Post_SeveralInvalidFields_Returns400WithEveryReasonAndNoValue()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var klantcontact = TestData.Klantcontact(CentralHost.Start);
        klantcontact.Kanaal = Kanaal.Unspecified;
        klantcontact.Onderwerp = TestData.Bsn + new string('x', 200);
        klantcontact.Inhoud = TestData.Name + new string('y', 10_000);
        klantcontact.PlaatsgevondenOp = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(
            new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero));

        using var response = await host.Http.PostAsync(Path, RestJson.Body(klantcontact));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = await MessageAsync(response);
        Assert.Equal(
            "kanaal: is required; onderwerp: must be at most 200 characters; inhoud: must be at most 10000 characters; " +
            "plaatsgevondenOp: must not be before 2000-01-01",
            message);
        Assert.DoesNotContain(TestData.Bsn, message, StringComparison.Ordinal);
        host.Logs.AssertClean(TestData.PersonalData);
    }

    [Fact]
    public async Task Post_UnparsableTimestampHoldingPersonalData_Returns400WithoutTheValueInBodyOrLogs()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var json = $$"""{"uuid":"{{TestData.NewUuid(CentralHost.Start)}}","kanaal":"balie","plaatsgevondenOp":"{{TestData.Bsn}}"}""";

        using var response = await host.Http.PostAsync(Path, RestJson.Body(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "request: a field has a value of the wrong type or format for the contract", await MessageAsync(response));
        Assert.DoesNotContain(host.Logs.Entries, e => (e.Message + e.Exception).Contains(TestData.Bsn, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"kanaal\":\"999990019\"}")]
    [InlineData("{\"onderwerp\":999990019}")]
    [InlineData("{\"uuid\":\"999990019\"")]
    public async Task Post_BodyTranscodingCannotParse_Returns400WithoutTheValue(string json)
    {
        await using var host = await CentralHost.StartAsync(_directory);

        using var response = await host.Http.PostAsync(Path, RestJson.Body(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(TestData.Bsn, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OnderwerpOf200Emoji_IsAcceptedBecauseCharactersAreCountedNotUtf16Units()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var klantcontact = TestData.Klantcontact(CentralHost.Start);
        klantcontact.Onderwerp = string.Concat(Enumerable.Repeat("\U0001F4DE", 200));

        using var response = await host.Http.PostAsync(Path, RestJson.Body(klantcontact));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownUuid_Returns404()
    {
        await using var host = await CentralHost.StartAsync(_directory);

        using var response = await host.Http.GetAsync($"{Path}/{TestData.NewUuid(CentralHost.Start)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_MalformedUuid_Returns400()
    {
        await using var host = await CentralHost.StartAsync(_directory);

        using var response = await host.Http.GetAsync($"{Path}/not-a-uuid");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("uuid: must be a UUID in 8-4-4-4-12 form", await MessageAsync(response));
    }

    private static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("message").GetString() ?? string.Empty;
    }
}
