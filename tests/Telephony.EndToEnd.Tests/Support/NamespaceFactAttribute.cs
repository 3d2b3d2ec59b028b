namespace Telephony.EndToEnd.Tests.Support;

/// <summary>A test that needs network namespaces; skipped, with the reason, only where they cannot be made.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class NamespaceFactAttribute : FactAttribute
{
    public NamespaceFactAttribute()
    {
        if (NetworkNamespaces.Unavailable() is { } reason)
        {
            Skip = reason;
        }
    }
}
