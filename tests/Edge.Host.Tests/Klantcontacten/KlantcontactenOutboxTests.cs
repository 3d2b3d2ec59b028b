using System.Net;
using System.Text;
using System.Text.Json;
using Edge.Host.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Edge.Host.Tests.Klantcontacten;

/// <summary>
/// POST /api/v1/klantcontacten end to end on the real host with the real Omni.Sdk outbox file and no Central:
/// the record is durable and waits in the backlog.
/// </summary>
public sealed class KlantcontactenOutboxTests : IDisposable
{
    private const string Path = "/api/v1/klantcontacten";
    private const string At = "\"plaatsgevondenOp\":\"2026-12-04T09:30:00Z\"";
    private const string Inhoud = "Dhr. Bakker, BSN 111222333, belt over zijn rijbewijs";

    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Post_NoCentral_201AndRecordWaitsInBacklogAcrossRestart()
    {
        string uuid;
        await using (var host = await TestEdgeHost.StartAsync(_data))
        {
            using var response = await PostAsync(host, $$"""{{{At}},"kanaal":"webformulier","inhoud":"{{Inhoud}}"}""");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            uuid = Json(await response.Content.ReadAsStringAsync()).GetProperty("uuid").GetString()!;

            var health = await HealthAsync(host);
            Assert.Equal(1, health.GetProperty("backlog").GetInt64());
            Assert.True(health.GetProperty("backlogBytes").GetInt64() > 0);
            AssertNoPersonalData(host);
        }

        await using var restarted = await TestEdgeHost.StartAsync(_data);
        Assert.Equal(1, (await HealthAsync(restarted)).GetProperty("backlog").GetInt64());

        // The same content as the first POST (whose uuid the edge minted): a replay, not a conflict.
        using var replay = await PostAsync(
            restarted, $$"""{{{At}},"uuid":"{{uuid}}","kanaal":"webformulier","inhoud":"{{Inhoud}}"}""");
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, (await HealthAsync(restarted)).GetProperty("backlog").GetInt64());
        AssertNoPersonalData(restarted);
    }

    [Fact]
    public async Task Post_SameUuidTwice_201Then200AndOneRecord()
    {
        await using var host = await TestEdgeHost.StartAsync(_data);
        const string json = $$"""{{{At}},"uuid":"0190a0b2-7c4e-7d1a-9b1e-2f0c3d4e5f61","kanaal":"telefoon"}""";

        using var first = await PostAsync(host, json);
        using var second = await PostAsync(host, json);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, (await HealthAsync(host)).GetProperty("backlog").GetInt64());
    }

    [Fact]
    public async Task Post_SameUuidOtherInhoud_409AndTheFirstStaysStored()
    {
        await using var host = await TestEdgeHost.StartAsync(_data);
        const string uuid = "0190a0b2-7c4e-7d1a-9b1e-2f0c3d4e5f63";
        const string first = $$"""{{{At}},"uuid":"{{uuid}}","kanaal":"telefoon","inhoud":"{{Inhoud}}"}""";
        const string other = $$"""{{{At}},"uuid":"{{uuid}}","kanaal":"telefoon","inhoud":"twee"}""";

        using var created = await PostAsync(host, first);
        using var conflict = await PostAsync(host, other);
        using var replay = await PostAsync(host, first);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var problem = await conflict.Content.ReadAsStringAsync();
        Assert.StartsWith("uuid:", Json(problem).GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("twee", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(uuid, problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, (await HealthAsync(host)).GetProperty("backlog").GetInt64());
        AssertNoPersonalData(host);
    }

    // The breaker's sequence: "twee" under a uuid Central already holds with "een" is refused there for good.
    [Fact]
    public async Task Post_DeadLetteredRecordAgain_422WithItsReasonAndOtherContent409()
    {
        const string uuid = "01938a4e-7c00-7000-8000-0000000000c1";
        const string een = $$"""{{{At}},"uuid":"{{uuid}}","kanaal":"balie","onderwerp":"een"}""";
        const string twee = $$"""{{{At}},"uuid":"{{uuid}}","kanaal":"balie","onderwerp":"twee","inhoud":"{{Inhoud}}"}""";
        await using (var host = await TestEdgeHost.StartAsync(_data))
        {
            using var created = await PostAsync(host, twee);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await DeadLetterAsync(uuid, "uuid: already recorded with other content");
        await using var restarted = await TestEdgeHost.StartAsync(_data);

        using var again = await PostAsync(restarted, twee);
        using var other = await PostAsync(restarted, een);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var problem = await again.Content.ReadAsStringAsync();
        Assert.Equal("uuid: already recorded with other content", Json(problem).GetProperty("errors")[0].GetString());
        Assert.DoesNotContain(uuid, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("twee", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        var health = await HealthAsync(restarted);
        Assert.Equal((0L, 1L), (health.GetProperty("backlog").GetInt64(), health.GetProperty("deadLetters").GetInt64()));
        AssertNoPersonalData(restarted);
    }

    [Fact]
    public async Task Post_OutboxBudgetReached_503WithRetryAfterAndHealthUnhealthy()
    {
        await using var host = await TestEdgeHost.StartAsync(_data, null, "--Omni:MaxRecords=1");

        using var first = await PostAsync(host, $$"""{{{At}},"kanaal":"balie"}""");
        using var second = await PostAsync(host, $$"""{{{At}},"kanaal":"balie","inhoud":"{{Inhoud}}"}""");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter?.Delta);
        using var health = await host.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.True(Json(await health.Content.ReadAsStringAsync()).GetProperty("storageFull").GetBoolean());
        AssertNoPersonalData(host, "AppendRefusedFull");
    }

    [Fact]
    public async Task Post_NoKanaal_400WithTheOutboxReason()
    {
        await using var host = await TestEdgeHost.StartAsync(_data);

        using var response = await PostAsync(host, $$"""{{{At}},"inhoud":"{{Inhoud}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("kanaal:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bakker", text, StringComparison.Ordinal);
        Assert.Equal(0, (await HealthAsync(host)).GetProperty("backlog").GetInt64());
    }

    public void Dispose() => _data.Dispose();

    private static void AssertNoPersonalData(TestEdgeHost host, params string[] expectedErrorEvents)
    {
        host.Logs.AssertNoneContain("Bakker", "111222333", "rijbewijs");
        host.Logs.AssertNoErrors(expectedErrorEvents);
    }

    // What the SDK's sender does with a record Central rejects for good (OutboxQueue), done here on the closed file.
    private async Task DeadLetterAsync(string uuid, string reason)
    {
        var file = _data.File("outbox.db");
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO dead_letter (sequence, record_id, kind, occurred_at, nonce, payload, bytes, reason, dead_lettered_at)
            SELECT sequence, record_id, kind, occurred_at, nonce, payload, bytes, $reason, 0 FROM outbox WHERE record_id = $id;
            DELETE FROM outbox WHERE record_id = $id;
            """;
        command.Parameters.AddWithValue("$reason", reason);
        command.Parameters.AddWithValue("$id", uuid);
        Assert.Equal(2, await command.ExecuteNonQueryAsync());
    }

    private static async Task<HttpResponseMessage> PostAsync(TestEdgeHost host, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await host.Client.PostAsync(Path, content);
    }

    private static async Task<JsonElement> HealthAsync(TestEdgeHost host)
    {
        using var response = await host.Client.GetAsync("/healthz");
        return Json(await response.Content.ReadAsStringAsync());
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
