namespace Central.Api.Hosting;

/// <summary>
/// Marks a REST request whose error response Central wrote itself (reasons name fields, never values), as
/// opposed to an error from JSON transcoding's own parsing, which quotes the offending value.
/// </summary>
internal static class RestErrorMarker
{
    private static readonly object Key = new();

    public static void MarkOwnError(HttpContext? context)
    {
        if (context is not null)
        {
            context.Items[Key] = true;
        }
    }

    public static bool IsOwnError(HttpContext context) => context.Items.ContainsKey(Key);
}
