using System.Text;

namespace Edge.Host.Klantcontacten;

/// <summary>201 Created with a Location and a JSON body that is already serialized (protobuf JSON, not STJ).</summary>
internal sealed class CreatedJsonResult(string location, string json) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status201Created;
        httpContext.Response.Headers.Location = location;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await httpContext.Response.WriteAsync(json, Encoding.UTF8, httpContext.RequestAborted);
    }
}
