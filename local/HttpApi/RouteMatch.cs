namespace HttpApi;

/// <summary>The route a request matched and the path parameters it bound (decoded).</summary>
internal sealed record RouteMatch(GatewayRoute Route, IReadOnlyDictionary<string, string> PathParameters);
