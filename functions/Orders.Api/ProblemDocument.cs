namespace Orders.Api;

/// <summary>
/// An RFC 9457 problem document (<c>application/problem+json</c>); <see cref="Field"/> is the extension member naming
/// the request field at fault, in the JSON spelling the caller used (<c>items[0].quantity</c>).
/// </summary>
public sealed record ProblemDocument(string Type, string Title, int Status, string Detail, string? Field = null);
