using Central.Api.Klantcontacten;

namespace Central.Api.Tests.Klantcontacten;

public sealed class ListCursorTests
{
    [Theory]
    [InlineData(true, 0)]
    [InlineData(true, 1)]
    [InlineData(false, 9_999)]
    [InlineData(false, long.MaxValue)]
    public void TryParse_TokenFromToToken_RoundTrips(bool forward, long sequence)
    {
        var cursor = new ListCursor(forward, sequence);

        Assert.True(ListCursor.TryParse(cursor.ToToken(), out var parsed));
        Assert.Equal(cursor, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("bjo")]
    [InlineData("eDo1")]
    [InlineData("bjotNQ")]
    [InlineData("bjoxMjM0NTY3ODkwMTIzNDU2Nzg5MA")]
    public void TryParse_ForeignToken_Fails(string token) =>
        Assert.False(ListCursor.TryParse(token, out _));
}
