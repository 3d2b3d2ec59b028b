using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf;

namespace Central.Api.Tests.Klantcontacten;

/// <summary>Sends and reads REST bodies in the protobuf JSON mapping, as a vendor app would.</summary>
internal static class RestJson
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static StringContent Body(string json) =>
        new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    public static StringContent Body(IMessage message) => Body(JsonFormatter.Default.Format(message));

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
        where T : IMessage<T>, new()
    {
        var json = await response.Content.ReadAsStringAsync();
        return Parser.Parse<T>(json);
    }
}
