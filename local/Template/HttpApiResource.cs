namespace Template;

/// <summary>An <c>AWS::Serverless::HttpApi</c> with its JWT authorizers and the routes the template's functions attach.</summary>
public sealed record HttpApiResource(string LogicalId, string ApiId)
{
    public string StageName { get; init; } = "$default";

    public IReadOnlyDictionary<string, JwtAuthorizer> Authorizers { get; init; } = new Dictionary<string, JwtAuthorizer>();

    public string? DefaultAuthorizer { get; init; }

    public IReadOnlyList<HttpApiRoute> Routes { get; init; } = [];
}
