namespace Omni.Sdk;

/// <summary>A record that can never be accepted; the message names each offending field, never its value.</summary>
public sealed class RecordValidationException : Exception
{
    /// <summary>Creates the exception with the reasons, one per offending field.</summary>
    public RecordValidationException(IReadOnlyList<string> reasons)
        : base("The record is invalid: " + string.Join("; ", reasons))
    {
        Reasons = reasons;
    }

    /// <summary>Creates the exception with one reason.</summary>
    public RecordValidationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with no specific reason.</summary>
    public RecordValidationException()
        : this([])
    {
    }

    /// <summary>Creates the exception wrapping a cause.</summary>
    public RecordValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reasons = [message];
    }

    /// <summary>One reason per offending field.</summary>
    public IReadOnlyList<string> Reasons { get; } = [];
}
