using System.Security.Cryptography;

namespace Omni.Sdk.Tests.Support;

/// <summary>Writes outbox key files the way an operator would.</summary>
internal static class TestKeys
{
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    public static string WriteHexKeyFile(string directory, byte[] key)
    {
        var path = Path.Combine(directory, "omni-outbox-key");
        File.WriteAllText(path, Convert.ToHexString(key) + "\n");
        return path;
    }
}
