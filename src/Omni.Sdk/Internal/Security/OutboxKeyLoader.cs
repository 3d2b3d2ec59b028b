namespace Omni.Sdk.Internal.Security;

/// <summary>Reads the 256-bit outbox key from a file: the configured KeyFile or the systemd credential.</summary>
internal static class OutboxKeyLoader
{
    public const string CredentialName = "omni-outbox-key";
    public const int KeyLength = 32;

    /// <summary>Loads the key; <paramref name="credentialsDirectory"/> is the value of $CREDENTIALS_DIRECTORY.</summary>
    public static byte[] Load(string? keyFile, string? credentialsDirectory)
    {
        var path = ResolvePath(keyFile, credentialsDirectory);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutboxKeyException($"The outbox key file '{path}' cannot be read.", ex);
        }

        return Parse(content)
            ?? throw new OutboxKeyException(
                $"The outbox key file '{path}' must hold 32 raw bytes, 64 hex characters or base64 of 32 bytes.");
    }

    /// <summary>Accepts 32 raw bytes, 64 hex characters, or base64 of 32 bytes (surrounding whitespace ignored).</summary>
    public static byte[]? Parse(ReadOnlySpan<byte> content)
    {
        if (content.Length == KeyLength)
        {
            return content.ToArray();
        }

        var text = System.Text.Encoding.ASCII.GetString(content).Trim();
        if (text.Length == KeyLength * 2 && text.All(Uri.IsHexDigit))
        {
            return Convert.FromHexString(text);
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written == KeyLength
            ? buffer[..KeyLength]
            : null;
    }

    private static string ResolvePath(string? keyFile, string? credentialsDirectory)
    {
        if (!string.IsNullOrWhiteSpace(keyFile))
        {
            return Path.GetFullPath(keyFile);
        }

        if (string.IsNullOrWhiteSpace(credentialsDirectory))
        {
            throw new OutboxKeyException(
                $"No outbox key: set {nameof(OmniSdkOptions.KeyFile)} or load the systemd credential '{CredentialName}' " +
                "(LoadCredential=), which sets $CREDENTIALS_DIRECTORY.");
        }

        var path = Path.Combine(credentialsDirectory, CredentialName);
        return File.Exists(path)
            ? path
            : throw new OutboxKeyException(
                $"No outbox key: $CREDENTIALS_DIRECTORY has no '{CredentialName}' and {nameof(OmniSdkOptions.KeyFile)} is not set.");
    }
}
