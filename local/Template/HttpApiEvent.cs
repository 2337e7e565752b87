namespace Template;

/// <summary>
/// A function's <c>Type: HttpApi</c> event. <see cref="ApiLogicalId"/> is the API it attaches to (SAM's implicit
/// <c>ServerlessHttpApi</c> when no ApiId is given). <see cref="Authorizer"/> is the route's own choice, null to
/// inherit the API's DefaultAuthorizer, <c>NONE</c> for none.
/// </summary>
public sealed record HttpApiEvent(string Name, string ApiLogicalId, string Method, string Path)
{
    public string? Authorizer { get; init; }

    public IReadOnlyList<string> AuthorizationScopes { get; init; } = [];

    /// <summary>The payload format; SAM's default for HttpApi events is 2.0.</summary>
    public string PayloadFormatVersion { get; init; } = "2.0";
}
