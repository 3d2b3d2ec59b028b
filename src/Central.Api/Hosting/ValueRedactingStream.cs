namespace Central.Api.Hosting;

/// <summary>
/// Passes a REST response through, unless it is a 400 that Central did not write itself: then the body
/// (transcoding's parse error, which quotes the offending value) is dropped so a neutral one can replace it.
/// The decision is taken at the first write, when the status code is final.
/// </summary>
internal sealed class ValueRedactingStream(Stream inner, HttpContext context) : Stream
{
    private bool? _suppress;

    public bool Suppressed => _suppress == true;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (!Suppress())
        {
            inner.Write(buffer, offset, count);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Suppress() ? ValueTask.CompletedTask : inner.WriteAsync(buffer, cancellationToken);

    public override void Flush()
    {
        if (!Suppressed)
        {
            inner.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        Suppressed ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private bool Suppress()
    {
        _suppress ??= context.Response.StatusCode == StatusCodes.Status400BadRequest
            && !RestErrorMarker.IsOwnError(context);
        return _suppress.Value;
    }
}
