using Omni.Sdk.Internal.Security;
using Omni.Sdk.Tests.Support;

namespace Omni.Sdk.Tests.Internal.Security;

public sealed class OutboxKeyLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly byte[] _key = TestKeys.NewKey();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_RawHexAndBase64Files_GiveTheSameKey()
    {
        File.WriteAllBytes(_dir.File("raw"), _key);
        File.WriteAllText(_dir.File("hex"), Convert.ToHexString(_key).ToLowerInvariant() + "\n");
        File.WriteAllText(_dir.File("b64"), Convert.ToBase64String(_key));

        Assert.Equal(_key, OutboxKeyLoader.Load(_dir.File("raw"), null));
        Assert.Equal(_key, OutboxKeyLoader.Load(_dir.File("hex"), null));
        Assert.Equal(_key, OutboxKeyLoader.Load(_dir.File("b64"), null));
    }

    [Fact]
    public void Load_NoKeyFileButCredentialsDirectory_UsesTheSystemdCredential()
    {
        File.WriteAllBytes(_dir.File(OutboxKeyLoader.CredentialName), _key);

        Assert.Equal(_key, OutboxKeyLoader.Load(null, _dir.Path));
    }

    [Fact]
    public void Load_NoKeyAnywhere_FailsNamingBothPlaces()
    {
        var error = Assert.Throws<OutboxKeyException>(() => OutboxKeyLoader.Load(null, null));

        Assert.Contains("KeyFile", error.Message, StringComparison.Ordinal);
        Assert.Contains("CREDENTIALS_DIRECTORY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CredentialsDirectoryWithoutTheCredential_Fails()
    {
        Assert.Throws<OutboxKeyException>(() => OutboxKeyLoader.Load(null, _dir.Path));
    }

    [Fact]
    public void Load_ShortKey_FailsWithoutShowingTheContent()
    {
        File.WriteAllText(_dir.File("short"), "c2VjcmV0");

        var error = Assert.Throws<OutboxKeyException>(() => OutboxKeyLoader.Load(_dir.File("short"), null));

        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
        Assert.Contains(_dir.File("short"), error.Message, StringComparison.Ordinal);
    }
}
