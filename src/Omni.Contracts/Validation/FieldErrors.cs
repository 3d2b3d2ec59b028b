namespace Omni.Contracts.Validation;

/// <summary>
/// Collects every validation problem of one message so the caller hears about all of them at once.
/// Each entry names the field (JSON name, dotted path) and the rule, never the value.
/// </summary>
/// <remarks>
/// A view from <see cref="Under(string)"/> keeps its place in the path as a link to its parent and builds the
/// dotted name only when a problem is added: the SDK checks every record on its append path, and a valid record
/// should cost no strings.
/// </remarks>
public sealed class FieldErrors
{
    private const int NoIndex = -1;

    private readonly FieldErrors? _parent;
    private readonly string _name;
    private readonly int _index;
    private List<string>? _reasons;

    /// <summary>Creates an empty collection.</summary>
    public FieldErrors()
        : this(null, string.Empty, NoIndex)
    {
    }

    private FieldErrors(FieldErrors? parent, string name, int index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    /// <summary>True while no problem was added.</summary>
    public bool IsEmpty => Root._reasons is not { Count: > 0 };

    /// <summary>Every problem added so far, each as "field: problem".</summary>
    public IReadOnlyList<string> Reasons => Root._reasons ?? (IReadOnlyList<string>)[];

    private FieldErrors Root => _parent?.Root ?? this;

    /// <summary>A view that adds to the same list with field names under <paramref name="path"/>.</summary>
    public FieldErrors Under(string path) => new(this, path, NoIndex);

    /// <summary>A view that adds to the same list with field names under <paramref name="name"/>[<paramref name="index"/>].</summary>
    public FieldErrors Under(string name, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new(this, name, index);
    }

    /// <summary>Adds one problem of <paramref name="field"/>; <paramref name="problem"/> must not hold its value.</summary>
    public void Add(string field, string problem) => (Root._reasons ??= []).Add($"{Prefix()}{field}: {problem}");

    /// <inheritdoc/>
    public override string ToString() => string.Join("; ", Reasons);

    private string Prefix()
    {
        if (_parent is null)
        {
            return string.Empty;
        }

        return _index == NoIndex
            ? $"{_parent.Prefix()}{_name}."
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_parent.Prefix()}{_name}[{_index}].");
    }
}
