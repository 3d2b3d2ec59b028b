using System.Text;
using Edge.Host.Klantcontacten;
using Omni.Contracts.V1;

namespace Edge.Host.Tests.Klantcontacten;

public sealed class KlantcontactJsonReaderTests
{
    private const string Secret = "Jansen-0612345678";

    [Fact]
    public void Read_FullContact_ParsesEveryField()
    {
        var result = Read("""
            {
              "uuid": "0190a0b2-7c4e-7d1a-9b1e-2f0c3d4e5f60",
              "kanaal": "telefoon",
              "onderwerp": "Afspraak paspoort",
              "inhoud": "notitie",
              "vertrouwelijk": false,
              "taal": "nld",
              "plaatsgevondenOp": "2026-12-04T09:30:00Z",
              "indicatieContactGelukt": true,
              "betrokkenen": [
                { "rol": "klant", "identificatieniveau": "herkend",
                  "digitaalAdres": { "soort": "telefoonnummer", "adres": "+31612345678", "geverifieerd": false } }
              ],
              "actor": { "soortActor": "geautomatiseerde_actor", "identificator": "ivr-gateway-1" },
              "dienstverleningstype": "maken_afspraak"
            }
            """);

        Assert.Empty(result.Errors);
        var kc = result.Klantcontact!;
        Assert.Equal(Kanaal.Telefoon, kc.Kanaal);
        Assert.True(kc.IndicatieContactGelukt);
        Assert.Equal(BetrokkeneRol.Klant, kc.Betrokkenen[0].Rol);
        Assert.Equal(SoortActor.GeautomatiseerdeActor, kc.Actor.SoortActor);
        Assert.Equal(1_796_376_600, kc.PlaatsgevondenOp.Seconds);
    }

    [Fact]
    public void Read_ProtoFieldNames_Accepted()
    {
        var result = Read("""{"kanaal":"balie","plaatsgevonden_op":"2026-12-04T09:30:00Z","journey_id":"j-1"}""");

        Assert.Empty(result.Errors);
        Assert.Equal("j-1", result.Klantcontact!.JourneyId);
    }

    [Theory]
    [InlineData("""{"kanaal":"telefoon","naam":"x"}""", "naam: unknown field")]
    [InlineData("""{"kanaal":"fax"}""", "kanaal: must be one of the names of enum Kanaal")]
    [InlineData("""{"kanaal":99}""", "kanaal: must be one of the names of enum Kanaal")]
    [InlineData("""{"vertrouwelijk":"ja"}""", "vertrouwelijk: must be true or false")]
    [InlineData("""{"onderwerp":12}""", "onderwerp: must be a string")]
    [InlineData("""{"plaatsgevondenOp":"gisteren"}""", "plaatsgevondenOp: must be an RFC 3339 UTC timestamp")]
    [InlineData("""{"betrokkenen":{}}""", "betrokkenen: must be a JSON array")]
    [InlineData("""{"betrokkenen":[null]}""", "betrokkenen[0]: must not be null")]
    [InlineData("""{"betrokkenen":[{"rol":"buurman"}]}""", "betrokkenen[0].rol: must be one of the names of enum")]
    [InlineData("""{"betrokkenen":[{"digitaalAdres":{"telefoon":"x"}}]}""", "betrokkenen[0].digitaalAdres.telefoon: unknown field")]
    [InlineData("""{"actor":"kiosk-3"}""", "actor: must be a JSON object")]
    [InlineData("""{"kanaal":"balie","kanaal":"post"}""", "kanaal: given more than once")]
    [InlineData("""{"journeyId":"a","journey_id":"b"}""", "journeyId: given more than once")]
    [InlineData("""[1,2]""", "body: must be a JSON object")]
    [InlineData("""{"kanaal":""", "body: not valid JSON (line 1")]
    public void Read_Invalid_NamesTheField(string json, string expected)
    {
        var result = Read(json);

        Assert.Null(result.Klantcontact);
        Assert.Contains(result.Errors, error => error.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData($$"""{"kanaal":"{{Secret}}"}""")]
    [InlineData($$"""{"plaatsgevondenOp":"{{Secret}}"}""")]
    [InlineData($$"""{"vertrouwelijk":"{{Secret}}"}""")]
    [InlineData($$"""{"betrokkenen":[{"rol":"{{Secret}}"}]}""")]
    [InlineData($$"""{"onderwerp":"{{Secret}}" x}""")]
    [InlineData($$"""{"onderwerp":{{Secret}}}""")]
    public void Read_InvalidValue_NeverEchoesIt(string json)
    {
        var result = Read(json);

        Assert.NotEmpty(result.Errors);
        Assert.DoesNotContain(result.Errors, error => error.Contains("Jansen", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Errors, error => error.Contains("0612345678", StringComparison.Ordinal));
    }

    // RFC 8259 section 8.2: a \u escape may name a lone surrogate; such a string is not Unicode text, and
    // System.Text.Json throws when asked for it. That must be a 400 naming the field, never a 500.
    [Theory]
    [InlineData("""{"kanaal":"\ud800"}""", "kanaal: must be valid Unicode")]
    [InlineData("""{"inhoud":"a\udc00b"}""", "inhoud: must be valid Unicode")]
    [InlineData("""{"betrokkenen":[{"rol":"\udbff"}]}""", "betrokkenen[0].rol: must be valid Unicode")]
    [InlineData("""{"actor":{"naam":"x\ud800"}}""", "actor.naam: must be valid Unicode")]
    [InlineData("""{"\ud800kanaal":"balie"}""", "body: a field name is not valid Unicode")]
    public void Read_LoneSurrogateEscape_NamesTheField(string json, string expected)
    {
        var result = Read(json);

        Assert.Null(result.Klantcontact);
        Assert.Contains(result.Errors, error => error.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SurrogatePairEscape_Accepted()
    {
        var result = Read("""{"kanaal":"balie","inhoud":"\ud83d\ude00"}""");

        Assert.Empty(result.Errors);
        Assert.Equal("\U0001F600", result.Klantcontact!.Inhoud);
    }

    [Fact]
    public void Read_ManyProblems_ReportsEachAtOnce()
    {
        var result = Read("""{"kanaal":"fax","vertrouwelijk":1,"foo":true}""");

        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void Read_NullValues_MeanDefaults()
    {
        var result = Read("""{"kanaal":null,"indicatieContactGelukt":null,"actor":null,"betrokkenen":null}""");

        Assert.Empty(result.Errors);
        Assert.False(result.Klantcontact!.HasIndicatieContactGelukt);
    }

    [Fact]
    public void Read_InvalidUtf8_RefusedWithPosition()
    {
        var bytes = new byte[] { (byte)'{', (byte)'"', (byte)'a', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' };

        var result = KlantcontactJsonReader.Read(bytes);

        Assert.Equal("body: not valid UTF-8", Assert.Single(result.Errors));
    }

    private static KlantcontactReadResult Read(string json) => KlantcontactJsonReader.Read(Encoding.UTF8.GetBytes(json));
}
