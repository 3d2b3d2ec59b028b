using System.Net;
using System.Text;
using CsCheck;
using Edge.Sip.Internal;
using Edge.Sip.Internal.Transport;
using Edge.Sip.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Sip.Tests.Internal;

public sealed class UserAgentCorePropertyTests
{
    private static readonly string Invite = SipText.Invite(5060, 5070, "prop-1");

    private static readonly string[] Seeds =
    [
        Invite,
        Invite.Replace("INVITE sip", "OPTIONS sip", StringComparison.Ordinal).Replace("1 INVITE", "1 OPTIONS", StringComparison.Ordinal),
        Invite.Replace("INVITE sip", "CANCEL sip", StringComparison.Ordinal).Replace("1 INVITE", "1 CANCEL", StringComparison.Ordinal),
        Invite.Replace("INVITE sip", "ACK sip", StringComparison.Ordinal).Replace("1 INVITE", "1 ACK", StringComparison.Ordinal),
        Invite.Replace("INVITE sip", "BYE sip", StringComparison.Ordinal).Replace("1 INVITE", "2 BYE", StringComparison.Ordinal)
            .Replace("To: <sip:ivr@127.0.0.1>", "To: <sip:ivr@127.0.0.1>;tag=x", StringComparison.Ordinal),
        "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKa\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\n" +
            "Call-ID: r\r\nCSeq: 1 BYE\r\n\r\n",
    ];

    [Fact]
    public void Receive_MutatedMessagesInAnyOrder_NeverThrows()
    {
        var special = Encoding.UTF8.GetBytes("\r\n:;,<>\" \t@%[]=0");
        var mutation = Gen.Select(Gen.Int[0, 10_000], Gen.Byte, Gen.Bool);
        var message = Gen.Select(Gen.Int[0, Seeds.Length - 1], mutation.Array[0, 6]);
        message.Array[1, 12].Sample(messages =>
        {
            var time = new FakeTimeProvider();
            var logs = new RecordingLoggerFactory();
            using var core = new UserAgentCore(new SipOptions { MaxConcurrentCalls = 2 }, time, logs.CreateLogger("core"));
            core.Attach((_, _) => { }, new IPEndPoint(IPAddress.Loopback, 5060));
            var source = new InboundContext(TransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5070), null);
            foreach (var (seed, mutations) in messages)
            {
                var bytes = Encoding.UTF8.GetBytes(Seeds[seed]);
                foreach (var (index, value, useSpecial) in mutations)
                {
                    bytes[index % bytes.Length] = useSpecial ? special[value % special.Length] : value;
                }

                core.Receive(bytes, source);
                time.Advance(TimeSpan.FromSeconds(1));
            }

            time.Advance(TimeSpan.FromMinutes(2));

            // Timer callbacks report failures as error logs instead of throwing: there must be none.
            logs.AssertClean();
        }, iter: 1500);
    }
}
