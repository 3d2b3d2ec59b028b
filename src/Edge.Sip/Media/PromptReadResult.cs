using System.Diagnostics.CodeAnalysis;

namespace Edge.Sip.Media;

/// <summary>The outcome of reading a prompt file: the prompt, or why the file was rejected.</summary>
public sealed record PromptReadResult
{
    private PromptReadResult(Prompt? prompt, string? error)
    {
        Prompt = prompt;
        Error = error;
    }

    /// <summary>The prompt when the file was accepted.</summary>
    public Prompt? Prompt { get; }

    /// <summary>When rejected: a message naming the file and the reason.</summary>
    public string? Error { get; }

    /// <summary>Whether the file was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Prompt))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Prompt is not null;

    /// <summary>An accepted prompt.</summary>
    /// <param name="prompt">The prompt.</param>
    /// <returns>The result.</returns>
    public static PromptReadResult Success(Prompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new PromptReadResult(prompt, null);
    }

    /// <summary>A rejected file.</summary>
    /// <param name="error">A message naming the file and the reason.</param>
    /// <returns>The result.</returns>
    public static PromptReadResult Failure(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new PromptReadResult(null, error);
    }
}
