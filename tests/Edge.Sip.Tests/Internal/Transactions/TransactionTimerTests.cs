using System.Net;
using System.Text;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Internal.Timers;
using Edge.Sip.Internal.Transactions;
using Edge.Sip.Internal.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Sip.Tests.Internal.Transactions;

public sealed class TransactionTimerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<(TimeSpan At, byte[] Data)> _sent = [];
    private readonly TimerQueue _queue;
    private readonly DateTimeOffset _start;

    public TransactionTimerTests()
    {
        _queue = new TimerQueue(_time, ex => throw new InvalidOperationException("timer failed", ex));
        _start = _time.GetUtcNow();
    }

    public void Dispose() => _queue.Dispose();

    private TimerHandle Schedule(TimeSpan delay, Action callback) => _queue.Schedule(delay, callback);

    private void Send(byte[] data, SendTarget target) => _sent.Add((_time.GetUtcNow() - _start, data));

    private static SipMessage Request(string method) => SipParser.Parse(Encoding.UTF8.GetBytes(
        method + " sip:a@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n" +
        "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>\r\nCall-ID: c\r\nCSeq: 1 " + method + "\r\n\r\n")).Message!;

    private static readonly SendTarget Udp = new(TransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5070), null);

    private void AdvanceTo(TimeSpan total, TimeSpan step)
    {
        while (_time.GetUtcNow() - _start < total)
        {
            _time.Advance(step);
        }
    }

    [Fact]
    public void InviteServer_FinalErrorWithoutAck_TimerGRetransmitsTimerHTerminates()
    {
        var terminated = false;
        var transaction = new ServerTransaction("k", Request("INVITE"), Udp, Schedule, Send, _ => terminated = true);

        transaction.Respond(ResponseFactory.Create(transaction.Request, 486, "t"));
        AdvanceTo(TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(100));

        var times = _sent.Select(s => s.At.TotalMilliseconds).ToList();
        Assert.Equal([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], times);
        Assert.True(terminated);
        Assert.Equal(ServerTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void InviteServer_AckAfterError_StopsRetransmittingTerminatesAfterT4()
    {
        var terminated = false;
        var transaction = new ServerTransaction("k", Request("INVITE"), Udp, Schedule, Send, _ => terminated = true);
        transaction.Respond(ResponseFactory.Create(transaction.Request, 487, "t"));
        _time.Advance(TimeSpan.FromMilliseconds(600));

        transaction.OnAck();
        AdvanceTo(TimeSpan.FromSeconds(5.5), TimeSpan.FromMilliseconds(100));
        Assert.Equal(ServerTransactionState.Confirmed, transaction.State);
        AdvanceTo(TimeSpan.FromSeconds(5.6), TimeSpan.FromMilliseconds(100));

        Assert.Equal(2, _sent.Count);
        Assert.Equal(ServerTransactionState.Terminated, transaction.State);
        Assert.True(terminated);
    }

    [Fact]
    public void InviteServer_Retransmission_ResendsLastProvisional()
    {
        var transaction = new ServerTransaction("k", Request("INVITE"), Udp, Schedule, Send, _ => { });
        transaction.Respond(ResponseFactory.Create(transaction.Request, 100, null));
        transaction.Respond(ResponseFactory.Create(transaction.Request, 180, "t"));

        transaction.OnRetransmission();

        Assert.Equal(3, _sent.Count);
        Assert.Equal(_sent[1].Data, _sent[2].Data);
    }

    [Fact]
    public void InviteServer_2xx_AcceptedUntilTimerL()
    {
        var transaction = new ServerTransaction("k", Request("INVITE"), Udp, Schedule, Send, _ => { });
        transaction.Respond(ResponseFactory.Create(transaction.Request, 200, "t"));

        transaction.OnRetransmission();
        Assert.Equal(ServerTransactionState.Accepted, transaction.State);
        Assert.Single(_sent);

        _time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(ServerTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void NonInviteServer_Final_TimerJThenTerminated()
    {
        var transaction = new ServerTransaction("k", Request("OPTIONS"), Udp, Schedule, Send, _ => { });
        transaction.Respond(ResponseFactory.Create(transaction.Request, 200, "t"));
        transaction.OnRetransmission();

        Assert.Equal(2, _sent.Count);
        _time.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Equal(ServerTransactionState.Completed, transaction.State);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(ServerTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void NonInviteClient_NoResponse_TimerERetransmitsTimerFReports408()
    {
        var finals = new List<int>();
        var transaction = new ClientTransaction("k", [1, 2, 3], Udp, Schedule, Send, (_, s) => finals.Add(s), _ => { });

        transaction.Start();
        AdvanceTo(TimeSpan.FromSeconds(33), TimeSpan.FromMilliseconds(100));

        var times = _sent.Select(s => s.At.TotalMilliseconds).ToList();
        Assert.Equal([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], times);
        Assert.Equal([408], finals);
    }

    [Fact]
    public void NonInviteClient_ProvisionalThenFinal_RetransmitsAtT2ThenStops()
    {
        var finals = new List<int>();
        var transaction = new ClientTransaction("k", [1], Udp, Schedule, Send, (_, s) => finals.Add(s), _ => { });
        transaction.Start();

        transaction.OnResponse(100);
        AdvanceTo(TimeSpan.FromSeconds(4.5), TimeSpan.FromMilliseconds(100));
        transaction.OnResponse(200);
        AdvanceTo(TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100));

        Assert.Equal([0, 500, 4500], _sent.Select(s => s.At.TotalMilliseconds));
        Assert.Equal([200], finals);
    }

    [Fact]
    public void TimerQueue_ManyTimers_FireInDueOrderAndCancelledSkipped()
    {
        var fired = new List<int>();
        for (var i = 100; i > 0; i--)
        {
            var n = i;
            var handle = _queue.Schedule(TimeSpan.FromMilliseconds(n * 10), () => fired.Add(n));
            if (n % 10 == 0)
            {
                handle.Cancel();
            }
        }

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(Enumerable.Range(1, 100).Where(n => n % 10 != 0), fired);
        Assert.Equal(0, _queue.Count);
    }
}
