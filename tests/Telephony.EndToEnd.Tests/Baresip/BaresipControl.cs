using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Telephony.EndToEnd.Tests.Baresip;

/// <summary>
/// A client of baresip's ctrl_tcp module: JSON commands and events in netstrings (length:payload,). baresip listens
/// on the loopback of its own namespace, so the connection is relayed by bash's /dev/tcp run inside that namespace.
/// </summary>
internal sealed class BaresipControl : IAsyncDisposable
{
    private readonly Process _relay;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly List<JsonElement> _received = [];

    private BaresipControl(Process relay)
    {
        _relay = relay;
        _input = relay.StandardInput.BaseStream;
        _output = relay.StandardOutput.BaseStream;
    }

    public static BaresipControl Connect(string space, int port)
    {
        var start = new ProcessStartInfo("ip")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var script = string.Create(
            CultureInfo.InvariantCulture, $"exec 3<>/dev/tcp/127.0.0.1/{port} && {{ cat <&3 & cat >&3; }}");
        foreach (var argument in (string[])["netns", "exec", space, "bash", "-c", script])
        {
            start.ArgumentList.Add(argument);
        }

        return new BaresipControl(Process.Start(start) ?? throw new InvalidOperationException("the relay did not start"));
    }

    /// <summary>Sends a command, e.g. ("dial", "sip:ivr@10.200.1.1"), and waits for its response.</summary>
    public async Task<bool> SendAsync(string command, string parameters, TimeSpan limit)
    {
        var token = command + "-" + _received.Count.ToString(CultureInfo.InvariantCulture);
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["command"] = command,
            ["params"] = parameters,
            ["token"] = token,
        });
        var payload = Encoding.UTF8.GetBytes(json);
        var frame = Encoding.ASCII.GetBytes(payload.Length.ToString(CultureInfo.InvariantCulture) + ":");
        await _input.WriteAsync(frame);
        await _input.WriteAsync(payload);
        await _input.WriteAsync(","u8.ToArray());
        await _input.FlushAsync();
        var response = await WaitForAsync(
            e => e.TryGetProperty("response", out _) && e.TryGetProperty("token", out var t) && t.GetString() == token,
            limit);
        return response is { } r && r.GetProperty("ok").GetBoolean();
    }

    /// <summary>Waits for an event of the type (CALL_ESTABLISHED, CALL_CLOSED, ...); false when none came in time.</summary>
    public async Task<bool> WaitForEventAsync(string type, TimeSpan limit) =>
        await WaitForAsync(e => e.TryGetProperty("type", out var t) && t.GetString() == type, limit) is not null;

    public async ValueTask DisposeAsync()
    {
        if (!_relay.HasExited)
        {
            _relay.Kill(entireProcessTree: true);
        }

        await _relay.WaitForExitAsync();
        _relay.Dispose();
    }

    private async Task<JsonElement?> WaitForAsync(Func<JsonElement, bool> match, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var seen = _received.FindIndex(e => match(e));
        if (seen >= 0)
        {
            var found = _received[seen];
            _received.RemoveAt(seen);
            return found;
        }

        try
        {
            while (true)
            {
                var next = await ReadNetstringAsync(timeout.Token);
                if (next is null)
                {
                    return null;
                }

                if (match(next.Value))
                {
                    return next;
                }

                _received.Add(next.Value);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<JsonElement?> ReadNetstringAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        var one = new byte[1];
        while (true)
        {
            if (await _output.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            if (one[0] == (byte)':')
            {
                break;
            }

            length = (length * 10) + (one[0] - '0');
        }

        var payload = new byte[length + 1];
        await _output.ReadExactlyAsync(payload, cancellationToken);
        using var document = JsonDocument.Parse(payload.AsMemory(0, length));
        return document.RootElement.Clone();
    }
}
