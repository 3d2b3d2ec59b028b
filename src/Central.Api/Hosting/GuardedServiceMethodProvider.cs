using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace Central.Api.Hosting;

/// <summary>
/// Finds the generated BindService of a gRPC service (named by the [BindServiceMethod] attribute on its base class)
/// and binds its methods through <see cref="GuardedMethodBinder{TService}"/>. It takes the place of
/// Grpc.AspNetCore's own binder: a malformed request fails inside the marshaller, before any interceptor runs, so
/// the marshaller is the earliest point where gRPC lets us choose the status.
/// </summary>
internal sealed class GuardedServiceMethodProvider<TService>(RequestMessageGuard guard) : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var binding = typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true)
            ?? throw new InvalidOperationException($"{typeof(TService).Name} has no generated BindService.");
        var bindService = binding.BindType.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .SingleOrDefault(method => method.Name == binding.BindMethodName && BindsToBinder(method))
            ?? throw new InvalidOperationException($"{binding.BindType.Name}.{binding.BindMethodName} was not found.");
        bindService.Invoke(null, [new GuardedMethodBinder<TService>(context, guard), null]);
    }

    private static bool BindsToBinder(MethodInfo method) =>
        method.GetParameters() is [var binder, _] && binder.ParameterType == typeof(ServiceBinderBase);
}
