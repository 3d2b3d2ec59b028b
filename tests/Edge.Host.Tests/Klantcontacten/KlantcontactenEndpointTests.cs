using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Edge.Host.Tests.Fakes;
using Edge.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Omni.Sdk;

namespace Edge.Host.Tests.Klantcontacten;

/// <summary>The HTTP contract of POST /api/v1/klantcontacten, with a hand-written recorder behind it.</summary>
public sealed class KlantcontactenEndpointTests : IAsyncLifetime, IDisposable
{
    private const string Path = "/api/v1/klantcontacten";
    private const string At = "\"plaatsgevondenOp\":\"2026-12-04T09:30:00Z\"";
    private const string Inhoud = "Mevrouw De Vries belde over haar paspoort, 0612345678";

    private readonly TempDirectory _data = new();
    private readonly FakeOmniRecorder _recorder = new();
    private TestEdgeHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestEdgeHost.StartAsync(_data, services => services.AddSingleton<IOmniRecorder>(_recorder));
    }

    public async Task DisposeAsync()
    {
        _host.Logs.AssertNoneContain("De Vries", "0612345678");
        await _host.DisposeAsync();
    }

    public void Dispose()
    {
        _data.Dispose();
    }

    [Fact]
    public async Task Post_NoUuid_MintsUuidV7AndAnswers201WithLocation()
    {
        using var response = await PostAsync($$"""{{{At}},"kanaal":"webformulier","inhoud":"{{Inhoud}}"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = Assert.Single(_recorder.Klantcontacten);
        Assert.Equal(7, Guid.Parse(stored.Uuid).Version);
        Assert.Equal(new Uri(Path + "/" + stored.Uuid, UriKind.Relative), response.Headers.Location);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(stored.Uuid, body.RootElement.GetProperty("uuid").GetString());
        Assert.Equal("webformulier", body.RootElement.GetProperty("kanaal").GetString());
        _host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Post_SameUuidTwice_SecondAnswers200AndStoresNothing()
    {
        const string json = $$"""{{{At}},"uuid":"0190a0b2-7c4e-7d1a-9b1e-2f0c3d4e5f60","kanaal":"balie"}""";
        using var first = await PostAsync(json);
        using var second = await PostAsync(json);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_recorder.Klantcontacten);
    }

    // The outbox and Central keep the lowercase form (RFC 9562 section 4 asks for lowercase output); the answer
    // must name the resource they hold, so a client comparing uuids as strings finds its record at Central.
    [Fact]
    public async Task Post_UppercaseUuid_AnswersWithTheLowercaseFormItStores()
    {
        using var response = await PostAsync(
            $$"""{{{At}},"uuid":"0190A0B2-7C4E-7D1A-9B1E-2F0C3D4E5F6A","kanaal":"balie"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        const string lower = "0190a0b2-7c4e-7d1a-9b1e-2f0c3d4e5f6a";
        Assert.Equal(lower, Assert.Single(_recorder.Klantcontacten).Uuid);
        Assert.Equal(new Uri(Path + "/" + lower, UriKind.Relative), response.Headers.Location);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(lower, body.RootElement.GetProperty("uuid").GetString());
    }

    [Fact]
    public async Task Post_BadEnumAndUnknownField_400ProblemNamingBothWithoutValues()
    {
        using var response = await PostAsync($$"""{{{At}},"kanaal":"{{Inhoud}}","bsn":"{{Inhoud}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Vries", text, StringComparison.Ordinal);
        var errors = Errors(text);
        Assert.Contains(errors, e => e.StartsWith("kanaal:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("bsn: unknown field", StringComparison.Ordinal));
        Assert.Empty(_recorder.Klantcontacten);
    }

    [Fact]
    public async Task Post_NotJson_400WithPosition()
    {
        using var response = await PostAsync("{\"kanaal\": balie}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("body: not valid JSON", Assert.Single(Errors(await response.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task Post_UuidNotAUuid_400NamingUuid()
    {
        using var response = await PostAsync($$"""{{{At}},"uuid":"kc-1","kanaal":"balie"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Errors(await response.Content.ReadAsStringAsync());
        Assert.Equal("uuid: must be a UUID in 8-4-4-4-12 form", Assert.Single(errors));
    }

    [Fact]
    public async Task Post_UuidWithoutHyphens_400BecauseCentralWouldRefuseIt()
    {
        using var response = await PostAsync(
            $$"""{{{At}},"uuid":"0190a0b27c4e7d1a9b1e2f0c3d4e5f60","kanaal":"balie"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_recorder.Klantcontacten);
    }

    [Fact]
    public async Task Post_NoPlaatsgevondenOp_400NamingItAndNothingStored()
    {
        using var response = await PostAsync("""{"kanaal":"balie"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Errors(await response.Content.ReadAsStringAsync());
        Assert.Equal("plaatsgevondenOp: is required", Assert.Single(errors));
        Assert.Empty(_recorder.Klantcontacten);
    }

    // Central refuses these for good, so storing them would answer 201 and then dead-letter the record.
    [Theory]
    [InlineData("1999-12-31T23:59:59Z", "plaatsgevondenOp: must not be before 2000-01-01")]
    [InlineData("9999-12-31T23:59:59Z", "plaatsgevondenOp: must not be more than 5 minutes in the future")]
    public async Task Post_PlaatsgevondenOpOutsideCentralsWindow_400NamingItAndNothingStored(string at, string expected)
    {
        using var response = await PostAsync($$"""{"plaatsgevondenOp":"{{at}}","kanaal":"balie"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, Assert.Single(Errors(await response.Content.ReadAsStringAsync())));
        Assert.Empty(_recorder.Klantcontacten);
    }

    // Each of these became a dead letter after a 201 while the edge checked only a few of Central's rules.
    [Fact]
    public async Task Post_WhatCentralRefusesForGood_400NamingEachFieldWithoutValuesAndNothingStored()
    {
        var zaak = new string('z', 3_000);
        var json = $$$"""
            {"plaatsgevondenOp":"2026-12-04T09:30:00Z","beeindigdOp":"2026-12-04T09:29:00Z","kanaal":"balie",
             "zaakReferentie":"{{{zaak}}}",
             "betrokkenen":[{"digitaalAdres":{"soort":"telefoonnummer","adres":"Mevrouw De Vries belt"}}]}
            """;

        using var response = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(
            [
                "zaakReferentie: must be at most 200 characters",
                "beeindigdOp: must not be before plaatsgevondenOp",
                "betrokkenen[0].digitaalAdres.adres: must be an E.164 number",
            ],
            Errors(text));
        Assert.DoesNotContain("De Vries", text, StringComparison.Ordinal);
        Assert.DoesNotContain(zaak, text, StringComparison.Ordinal);
        Assert.Empty(_recorder.Klantcontacten);
    }

    [Fact]
    public async Task Post_RecordDeadLetteredException_422WithTheDeadLettersReasonWithoutValues()
    {
        const string uuid = "0190a0b2-7c4e-7d1a-9b1e-2f0c3d4e5f64";
        const string reason = "uuid: already recorded with other content";
        _recorder.Throw = new RecordDeadLetteredException(Guid.Parse(uuid), reason);

        using var response = await PostAsync($$"""{{{At}},"uuid":"{{uuid}}","kanaal":"balie","inhoud":"{{Inhoud}}"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(reason, Assert.Single(Errors(text)));
        Assert.DoesNotContain(uuid, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("De Vries", text, StringComparison.Ordinal);
        _host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Post_RecordValidationException_400WithItsReasons()
    {
        _recorder.Throw = new RecordValidationException(["kanaal: must be set", "onderwerp: at most 200 characters"]);

        using var response = await PostAsync($$"""{{{At}},"kanaal":"balie","onderwerp":"x"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["kanaal: must be set", "onderwerp: at most 200 characters"],
            Errors(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Post_RecordConflictException_409ProblemNamingUuidWithoutValues()
    {
        const string uuid = "0190a0b2-7c4e-7d1a-9b1e-2f0c3d4e5f62";
        _recorder.Throw = new RecordConflictException(Guid.Parse(uuid));

        using var response = await PostAsync($$"""{{{At}},"uuid":"{{uuid}}","kanaal":"balie","inhoud":"{{Inhoud}}"}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var error = Assert.Single(Errors(text));
        Assert.StartsWith("uuid:", error, StringComparison.Ordinal);
        Assert.DoesNotContain(uuid, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("De Vries", text, StringComparison.Ordinal);
        Assert.DoesNotContain("balie", text, StringComparison.Ordinal);
        _host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Post_OutboxFull_503WithRetryAfter()
    {
        _recorder.Throw = new OutboxFullException();

        using var response = await PostAsync($$"""{{{At}},"kanaal":"balie"}""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter!.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Post_BodyOver64KiB_413AndNothingStored()
    {
        var json = "{\"inhoud\":\"" + new string('a', 64 * 1024) + "\"}";

        using var response = await PostAsync(json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_recorder.Klantcontacten);
    }

    [Fact]
    public async Task Post_ChunkedBodyOver64KiB_413()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"inhoud\":\"" + new string('a', 70 * 1024) + "\"}");
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_NotJsonContentType_415()
    {
        using var content = new StringContent($$"""{{{At}},"kanaal":"balie"}""", Encoding.UTF8, "text/plain");

        using var response = await _host.Client.PostAsync(Path, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await _host.Client.PostAsync(Path, content);
    }

    private static string[] Errors(string problemJson)
    {
        using var problem = JsonDocument.Parse(problemJson);
        return [.. problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)];
    }
}
