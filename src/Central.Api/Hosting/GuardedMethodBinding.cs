using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Central.Api.Hosting;

/// <summary>Puts <see cref="GuardedServiceMethodProvider{TService}"/> in the place of Grpc.AspNetCore's binder.</summary>
internal static class GuardedMethodBinding
{
    /// <summary>Call after AddGrpc, which registers the binder replaced here.</summary>
    public static void Add(IServiceCollection services)
    {
        var grpcBinders = services.Where(IsGrpcOwnBinder).ToList();
        if (grpcBinders.Count != 1)
        {
            throw new InvalidOperationException("Grpc.AspNetCore's method binder was not found; call AddGrpc first.");
        }

        // Both binders would add the same routes, and gRPC's would leave malformed requests unguarded.
        services.Remove(grpcBinders[0]);
        services.AddSingleton<RequestMessageGuard>();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(GuardedServiceMethodProvider<>)));
    }

    // The binder is internal to Grpc.AspNetCore, so it is known by name; its other provider (for services given as a
    // ServerServiceDefinition) stays. A release that renames it makes Add throw at start-up, not run unguarded.
    private static bool IsGrpcOwnBinder(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(IServiceMethodProvider<>)
        && descriptor.ImplementationType?.Assembly == typeof(GrpcServiceOptions).Assembly
        && descriptor.ImplementationType.Name == "BinderServiceMethodProvider`1";
}
