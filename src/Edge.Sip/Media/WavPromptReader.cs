using Edge.Sip.Internal.Media;

namespace Edge.Sip.Media;

/// <summary>
/// Reads IVR prompts from WAVE files at start-up. Only 8000 Hz mono 8-bit G.711 (format 7 μ-law or 6 A-law) is
/// accepted, so playback never resamples; anything else is rejected with a message naming the file and the reason.
/// </summary>
public static class WavPromptReader
{
    /// <summary>Reads and validates a prompt file.</summary>
    /// <param name="path">The file path; the prompt is named after the file without its extension.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The prompt, or the reason the file was rejected (missing, unreadable or unsupported).</returns>
    public static async Task<PromptReadResult> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return PromptReadResult.Failure($"Prompt file '{path}' cannot be read: {ex.GetType().Name}");
        }

        return Read(Path.GetFileNameWithoutExtension(path), Path.GetFileName(path), bytes);
    }

    /// <summary>Validates the bytes of a WAVE file as a prompt.</summary>
    /// <param name="name">The prompt name.</param>
    /// <param name="fileName">The file name, used in the error message.</param>
    /// <param name="file">The whole file.</param>
    /// <returns>The prompt (with its own copy of the samples), or the reason the file was rejected.</returns>
    public static PromptReadResult Read(string name, string fileName, ReadOnlySpan<byte> file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var format = WavParser.Parse(file);
        if (format.Error is not null)
        {
            return PromptReadResult.Failure($"Prompt file '{fileName}' rejected: {format.Error}");
        }

        var samples = file.Slice(format.DataOffset, format.DataLength).ToArray();
        return PromptReadResult.Success(new Prompt(name, format.Codec, samples));
    }
}
