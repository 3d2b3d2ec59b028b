using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace Central.Api.Hosting;

/// <summary>
/// Receives the methods a generated BindService declares and adds each to the service's routes with its request
/// marshaller wrapped by <see cref="RequestMessageGuard"/>. Central's contracts have unary rpcs only; a streaming
/// rpc reaches the base class, which throws at start-up, so a new one cannot slip past the guard.
/// </summary>
internal sealed class GuardedMethodBinder<TService>(
    ServiceMethodProviderContext<TService> context,
    RequestMessageGuard guard) : ServiceBinderBase
    where TService : class
{
    public override void AddMethod<TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var implementation = typeof(TService).GetMethod(
            method.Name,
            BindingFlags.Public | BindingFlags.Instance,
            [typeof(TRequest), typeof(ServerCallContext)])
            ?? throw new InvalidOperationException($"{typeof(TService).Name} does not implement {method.Name}.");
        var invoker = implementation.CreateDelegate<UnaryServerMethod<TService, TRequest, TResponse>>();
        var guarded = new Method<TRequest, TResponse>(
            method.Type,
            method.ServiceName,
            method.Name,
            guard.Wrap(method.FullName, method.RequestMarshaller),
            method.ResponseMarshaller);
        context.AddUnaryMethod(guarded, Metadata(implementation), invoker);
    }

    // What gRPC's own binder attaches: the service's and the method's attributes, and POST as the only verb.
    private static List<object> Metadata(MethodInfo implementation) =>
    [
        .. typeof(TService).GetCustomAttributes(inherit: true),
        .. implementation.GetCustomAttributes(inherit: true),
        new HttpMethodMetadata(["POST"], acceptCorsPreflight: true),
    ];
}
