namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>A fresh folder under the system temp path for one test's databases, keys and logs.</summary>
internal sealed class TestFolder : IDisposable
{
    public TestFolder()
    {
        Path = Directory.CreateTempSubdirectory("omni-e2e-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a 32-byte outbox key readable only by this user, as the SDK expects.</summary>
    public string NewOutboxKey(string name)
    {
        var path = File(name);
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        using (var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            stream.Write(key);
        }

        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived its kill may still hold a file for a moment; the temp folder is swept later.
        }
    }
}
