namespace Central.Api.Validation;

/// <summary>
/// Collects every validation problem of one message so the caller hears about all of them at once.
/// Each entry names the field (JSON name, dotted path) and the rule, never the value.
/// </summary>
internal sealed class FieldErrors
{
    private readonly List<string> _reasons;
    private readonly string _prefix;

    public FieldErrors()
        : this([], string.Empty)
    {
    }

    private FieldErrors(List<string> reasons, string prefix)
    {
        _reasons = reasons;
        _prefix = prefix;
    }

    public bool IsEmpty => _reasons.Count == 0;

    public IReadOnlyList<string> Reasons => _reasons;

    /// <summary>A view that adds to the same list with field names under <paramref name="path"/>.</summary>
    public FieldErrors Under(string path) => new(_reasons, $"{_prefix}{path}.");

    public void Add(string field, string problem) => _reasons.Add($"{_prefix}{field}: {problem}");

    public override string ToString() => string.Join("; ", _reasons);
}
