namespace Vendor.Console;

/// <summary>The sample's exit codes, for scripts and tests.</summary>
internal static class ExitCodes
{
    public const int Delivered = 0;
    public const int Misconfigured = 1;
    public const int TimedOut = 2;
}
