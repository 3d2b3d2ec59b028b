using System.Net;
using Google.Protobuf.WellKnownTypes;
using Omni.Contracts.V1;

namespace Central.Api.Tests.Klantcontacten;

public sealed class ListKlantcontactenRestTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task List_FilterOnKanaal_ReturnsOnlyThatKanaalInArrivalOrder()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var telefoon = await SeedAsync(host, Kanaal.Telefoon, Kanaal.Balie, Kanaal.Telefoon, Kanaal.Email);

        var page = await ListAsync(host, "?kanaal=telefoon");

        Assert.Equal(2, page.Count);
        Assert.Equal(new[] { telefoon[0].Uuid, telefoon[2].Uuid }, page.Results.Select(k => k.Uuid));
        Assert.Equal(string.Empty, page.Next);
        Assert.Equal(string.Empty, page.Previous);
    }

    [Fact]
    public async Task List_FilterOnJourneyId_ReturnsThatJourneyOnly()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var seeded = await SeedAsync(host, Kanaal.Telefoon, Kanaal.Balie);
        var other = TestData.Klantcontact(CentralHost.Start);
        other.JourneyId = "journey-2";
        await host.Klantcontacten.CreateKlantcontactAsync(new CreateKlantcontactRequest { Klantcontact = other });

        var page = await ListAsync(host, "?journeyId=journey-2");

        Assert.Equal(other.Uuid, Assert.Single(page.Results).Uuid);
        Assert.Equal(3, (await ListAsync(host, string.Empty)).Count);
        Assert.Equal(2, seeded.Count);
    }

    [Fact]
    public async Task List_TimeRange_IncludesFromAndExcludesTo()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var times = new[] { "2031-03-10T08:00:00Z", "2031-03-10T09:00:00Z", "2031-03-10T09:30:00Z" };
        foreach (var time in times)
        {
            var klantcontact = TestData.Klantcontact(CentralHost.Start);
            klantcontact.PlaatsgevondenOp = Timestamp.Parser.ParseJson($"\"{time}\"");
            await host.Klantcontacten.CreateKlantcontactAsync(new CreateKlantcontactRequest { Klantcontact = klantcontact });
        }

        var page = await ListAsync(host, "?plaatsgevondenOpVanaf=2031-03-10T09:00:00Z&plaatsgevondenOpTot=2031-03-10T09:30:00Z");

        var only = Assert.Single(page.Results);
        Assert.Equal(Timestamp.Parser.ParseJson("\"2031-03-10T09:00:00Z\""), only.PlaatsgevondenOp);
    }

    [Theory]
    [InlineData("?pageSize=501", "pageSize: must be between 1 and 500")]
    [InlineData("?pageSize=-1", "pageSize: must be between 1 and 500")]
    [InlineData("?pageSize=0", "pageSize: must be between 1 and 500")]
    [InlineData("?page_size=0", "pageSize: must be between 1 and 500")]
    [InlineData("?plaatsgevondenOpVanaf=2031-03-10T10:00:00Z&plaatsgevondenOpTot=2031-03-10T09:00:00Z",
        "plaatsgevondenOpTot: must not be before plaatsgevondenOpVanaf")]
    [InlineData("?bsn=123", "bsn: is not a parameter of this list")]
    [InlineData("?cursor=bm90LWEtY3Vyc29y", "cursor: is not a cursor from this API")]
    [InlineData("?kanaal=999990019", "request: a field has a value of the wrong type or format for the contract")]
    [InlineData("?plaatsgevondenOpVanaf=999990019", "request: a field has a value of the wrong type or format")]
    public async Task List_InvalidParameter_Returns400NamingIt(string query, string expected)
    {
        await using var host = await CentralHost.StartAsync(_directory);

        using var response = await host.Http.GetAsync("/api/v1/klantcontacten" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_UnknownParameter_RefusedWithoutEchoingItsValue()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        await SeedAsync(host, Kanaal.Telefoon);

        using var response = await host.Http.GetAsync($"/api/v1/klantcontacten?bsn={TestData.Bsn}&{TestData.Bsn}=x");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("bsn: is not a parameter of this list; query: is not a parameter of this list", body,
            StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.Bsn, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ProtoFieldNamesAndEqualBounds_AreAccepted()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        await SeedAsync(host, Kanaal.Telefoon, Kanaal.Balie);

        var page = await ListAsync(host, "?page_size=1&journey_id=journey-1");
        var empty = await ListAsync(
            host, "?plaatsgevondenOpVanaf=2031-03-10T09:00:00Z&plaatsgevondenOpTot=2031-03-10T09:00:00Z");

        Assert.Single(page.Results);
        Assert.Equal(2, page.Count);
        Assert.Empty(empty.Results);
    }

    [Fact]
    public async Task List_NextLink_KeepsTheFilters()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        await SeedAsync(host, Kanaal.Telefoon, Kanaal.Balie, Kanaal.Telefoon, Kanaal.Telefoon);

        var first = await ListAsync(host, "?kanaal=telefoon&journeyId=journey-1&pageSize=2");
        var second = await ListAsync(host, first.Next, absolute: true);

        const string FiltersKept = "/api/v1/klantcontacten?kanaal=telefoon&journeyId=journey-1&pageSize=2&cursor=";
        Assert.StartsWith(FiltersKept, first.Next, StringComparison.Ordinal);
        Assert.Equal(3, first.Count);
        Assert.Single(second.Results);
        Assert.Equal(Kanaal.Telefoon, second.Results[0].Kanaal);
        Assert.Equal(string.Empty, second.Next);
        Assert.NotEqual(string.Empty, second.Previous);
    }

    [Fact]
    public async Task List_TenThousandRowsWithOneTimestamp_PagesThroughEachRowExactlyOnceBothWays()
    {
        // S7: a cursor on the timestamp would loop here; the server sequence cannot.
        await using var host = await CentralHost.StartAsync(_directory);
        var expected = await SeedSameTimestampAsync(host, rows: 10_000);

        var forward = await FollowAsync(host, "/api/v1/klantcontacten?pageSize=500", page => page.Next);
        var lastPageLink = forward.Links[^1];
        var backward = await FollowAsync(host, lastPageLink, page => page.Previous);

        Assert.Equal(20, forward.Links.Count);
        Assert.Equal(expected, forward.Uuids);
        Assert.Equal(expected, backward.Uuids.Chunk(500).Reverse().SelectMany(chunk => chunk).ToList());
    }

    private static async Task<List<string>> SeedSameTimestampAsync(CentralHost host, int rows)
    {
        var uuids = new List<string>(rows);
        var sameTime = Timestamp.FromDateTimeOffset(CentralHost.Start.AddMinutes(-1));
        for (var first = 1; first <= rows; first += 500)
        {
            var batch = TestData.Batch(CentralHost.Start, first, 500);
            foreach (var envelope in batch.Envelopes)
            {
                envelope.Klantcontact.PlaatsgevondenOp = sameTime;
                uuids.Add(envelope.RecordId);
            }

            await host.Sync.PushBatchAsync(batch);
        }

        return uuids;
    }

    private static async Task<(List<string> Uuids, List<string> Links)> FollowAsync(
        CentralHost host,
        string start,
        Func<ListKlantcontactenResponse, string> nextLink)
    {
        var uuids = new List<string>();
        var links = new List<string>();
        for (var link = start; link.Length > 0 && links.Count < 100;)
        {
            links.Add(link);
            var page = await ListAsync(host, link, absolute: true);
            Assert.Equal(10_000, page.Count);
            uuids.AddRange(page.Results.Select(k => k.Uuid));
            link = nextLink(page);
        }

        return (uuids, links);
    }

    private static async Task<List<Klantcontact>> SeedAsync(CentralHost host, params Kanaal[] kanalen)
    {
        var created = new List<Klantcontact>();
        foreach (var kanaal in kanalen)
        {
            var klantcontact = TestData.Klantcontact(CentralHost.Start, kanaal: kanaal);
            created.Add(await host.Klantcontacten.CreateKlantcontactAsync(new CreateKlantcontactRequest { Klantcontact = klantcontact }));
        }

        return created;
    }

    private static async Task<ListKlantcontactenResponse> ListAsync(CentralHost host, string pathOrQuery, bool absolute = false)
    {
        using var response = await host.Http.GetAsync(absolute ? pathOrQuery : "/api/v1/klantcontacten" + pathOrQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await RestJson.ReadAsync<ListKlantcontactenResponse>(response);
    }
}
