using System.Buffers.Binary;
using Edge.Sip.Media;

namespace Edge.Sip.Tests.Media;

public sealed class WavPromptReaderTests
{
    private const ushort MuLaw = 7;
    private const ushort ALaw = 6;

    private static readonly byte[] Samples = [0x01, 0x02, 0x03, 0x04, 0x05];

    [Theory]
    [InlineData(MuLaw, false, CallAudioCodec.Pcmu)]
    [InlineData(MuLaw, true, CallAudioCodec.Pcmu)]
    [InlineData(ALaw, false, CallAudioCodec.Pcma)]
    [InlineData(ALaw, true, CallAudioCodec.Pcma)]
    public void Read_G711WithFmt16Or18_ReturnsPrompt(ushort tag, bool fmt18, CallAudioCodec codec)
    {
        var file = WavFile.Build(("fmt ", WavFile.Fmt(tag, withExtraSize: fmt18)), ("data", Samples));

        var result = WavPromptReader.Read("welkom", "welkom.wav", file);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal("welkom", result.Prompt.Name);
        Assert.Equal(codec, result.Prompt.Codec);
        Assert.Equal(Samples, result.Prompt.Samples.ToArray());
    }

    [Fact]
    public void Read_FactListAndUnknownOddChunks_SkipsThemWithPadding()
    {
        var file = WavFile.Build(
            ("fmt ", WavFile.Fmt(MuLaw, withExtraSize: true)),
            ("fact", WavFile.Fact((uint)Samples.Length)),
            ("LIST", [0x49, 0x4E, 0x46, 0x4F, 0x41]),
            ("junk", [0x01, 0x02, 0x03]),
            ("data", Samples));

        var result = WavPromptReader.Read("menu", "menu.wav", file);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(Samples, result.Prompt.Samples.ToArray());
    }

    [Fact]
    public void Read_OddSizedDataChunk_KeepsEverySampleWithoutPad()
    {
        var file = WavFile.Build(("fmt ", WavFile.Fmt(ALaw)), ("data", Samples));

        var result = WavPromptReader.Read("x", "x.wav", file);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(5, result.Prompt.Samples.Length);
        Assert.Equal(TimeSpan.FromMilliseconds(5.0 / 8), result.Prompt.Duration);
    }

    [Theory]
    [InlineData(1, 1, 8000, 16, "linear PCM")]
    [InlineData(MuLaw, 2, 8000, 8, "2 channels")]
    [InlineData(MuLaw, 1, 16000, 8, "16000 Hz")]
    [InlineData(3, 1, 8000, 32, "audio format 3")]
    public void Read_UnsupportedFormat_NamesFileAndReason(ushort tag, ushort channels, uint rate, ushort bits,
        string reason)
    {
        var file = WavFile.Build(("fmt ", WavFile.Fmt(tag, channels, rate, bits)), ("data", Samples));

        var result = WavPromptReader.Read("menu", "menu.wav", file);

        Assert.False(result.IsSuccess);
        Assert.Contains("menu.wav", result.Error, StringComparison.Ordinal);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ChunkRunningPastTheEnd_IsRejectedAsTruncated()
    {
        var file = WavFile.Build(("fmt ", WavFile.Fmt(MuLaw)), ("data", Samples));
        var cut = file[..^3];
        BinaryPrimitives.WriteUInt32LittleEndian(cut.AsSpan(4), (uint)(cut.Length - 8));

        var result = WavPromptReader.Read("menu", "menu.wav", cut);

        Assert.False(result.IsSuccess);
        Assert.Contains("truncated", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RiffSizeLongerThanFile_IsRejectedAsTruncated()
    {
        var file = WavFile.Build(("fmt ", WavFile.Fmt(MuLaw)), ("data", Samples));

        var result = WavPromptReader.Read("menu", "menu.wav", file.AsSpan(0, file.Length - 2));

        Assert.False(result.IsSuccess);
        Assert.Contains("truncated", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true, "no fmt chunk")]
    [InlineData(true, false, "no data chunk")]
    public void Read_MissingChunk_IsRejected(bool withFmt, bool withOtherChunk, string reason)
    {
        var chunks = new List<(string, byte[])>();
        if (withFmt)
        {
            chunks.Add(("fmt ", WavFile.Fmt(MuLaw)));
        }

        if (withOtherChunk)
        {
            chunks.Add(("junk", [0x00, 0x00]));
        }

        var result = WavPromptReader.Read("x", "x.wav", WavFile.Build([.. chunks]));

        Assert.False(result.IsSuccess);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DataBeforeFmt_IsRejected()
    {
        var file = WavFile.Build(("data", Samples), ("fmt ", WavFile.Fmt(MuLaw)));

        var result = WavPromptReader.Read("x", "x.wav", file);

        Assert.False(result.IsSuccess);
        Assert.Contains("before the fmt chunk", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Extensible_IsRejected()
    {
        var fmt = new byte[40];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, 0xFFFE);
        var file = WavFile.Build(("fmt ", fmt), ("data", Samples));

        var result = WavPromptReader.Read("x", "x.wav", file);

        Assert.False(result.IsSuccess);
        Assert.Contains("WAVE_FORMAT_EXTENSIBLE", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotRiff_IsRejected()
    {
        var result = WavPromptReader.Read("x", "x.wav", "ID3 not a wave file"u8);

        Assert.False(result.IsSuccess);
        Assert.Contains("not a RIFF/WAVE file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileAsync_FileOnDisk_NamesPromptAfterFile()
    {
        var folder = Directory.CreateTempSubdirectory("edge-sip-media-");
        try
        {
            var path = Path.Combine(folder.FullName, "tot-ziens.wav");
            await File.WriteAllBytesAsync(path, WavFile.Build(("fmt ", WavFile.Fmt(MuLaw)), ("data", Samples)));

            var result = await WavPromptReader.ReadFileAsync(path, CancellationToken.None);

            Assert.True(result.IsSuccess, result.Error);
            Assert.Equal("tot-ziens", result.Prompt.Name);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ReadFileAsync_MissingFile_IsAValueNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "edge-sip-missing-prompt.wav");

        var result = await WavPromptReader.ReadFileAsync(path, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Contains("edge-sip-missing-prompt.wav", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileAsync_ShippedPrompts_AreAllAccepted()
    {
        var folder = FindPromptsFolder();
        var files = Directory.GetFiles(folder, "*.wav");
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var result = await WavPromptReader.ReadFileAsync(file, CancellationToken.None);

            Assert.True(result.IsSuccess, result.Error);
            Assert.Equal(CallAudioCodec.Pcmu, result.Prompt.Codec);
            Assert.True(result.Prompt.Duration > TimeSpan.FromSeconds(1));
        }
    }

    private static string FindPromptsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "prompts");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The repository's prompts folder was not found.");
    }
}
