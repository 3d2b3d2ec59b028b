using System.Text;
using Google.Protobuf;
using Grpc.Core;

namespace Central.Api.Hosting;

/// <summary>
/// Wraps a method's request marshaller so that a body that is not a valid protobuf message (a broken tag, a length
/// past the end, a string field that is not UTF-8) is refused as INVALID_ARGUMENT by the caller's fault. Without it
/// gRPC answered UNKNOWN and logged the parser's exception at Error, and that exception quotes the offending raw
/// bytes ("Unable to translate bytes [FF]"), which can be personal data. Only the method and the size are logged.
/// </summary>
internal sealed partial class RequestMessageGuard(ILogger<RequestMessageGuard> logger)
{
    public const string Reason = "request: not a valid protobuf message of this contract";

    public Marshaller<TRequest> Wrap<TRequest>(string methodName, Marshaller<TRequest> marshaller) =>
        new(marshaller.ContextualSerializer, context => Deserialize(methodName, marshaller, context));

    private TRequest Deserialize<TRequest>(
        string methodName,
        Marshaller<TRequest> marshaller,
        DeserializationContext context)
    {
        try
        {
            return marshaller.ContextualDeserializer(context);
        }
        catch (Exception exception) when (exception is InvalidProtocolBufferException or DecoderFallbackException)
        {
            Log.Malformed(logger, methodName, context.PayloadLength);
            throw new RpcException(new Status(StatusCode.InvalidArgument, Reason));
        }
    }
}
