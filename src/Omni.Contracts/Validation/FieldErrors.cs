namespace Omni.Contracts.Validation;

/// <summary>
/// Collects every validation problem of one message so the caller hears about all of them at once.
/// Each entry names the field (JSON name, dotted path) and the rule, never the value.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<string> _reasons;
    private readonly string _prefix;

    /// <summary>Creates an empty collection.</summary>
    public FieldErrors()
        : this([], string.Empty)
    {
    }

    private FieldErrors(List<string> reasons, string prefix)
    {
        _reasons = reasons;
        _prefix = prefix;
    }

    /// <summary>True while no problem was added.</summary>
    public bool IsEmpty => _reasons.Count == 0;

    /// <summary>Every problem added so far, each as "field: problem".</summary>
    public IReadOnlyList<string> Reasons => _reasons;

    /// <summary>A view that adds to the same list with field names under <paramref name="path"/>.</summary>
    public FieldErrors Under(string path) => new(_reasons, $"{_prefix}{path}.");

    /// <summary>Adds one problem of <paramref name="field"/>; <paramref name="problem"/> must not hold its value.</summary>
    public void Add(string field, string problem) => _reasons.Add($"{_prefix}{field}: {problem}");

    /// <inheritdoc/>
    public override string ToString() => string.Join("; ", _reasons);
}
