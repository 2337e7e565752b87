namespace HttpApi;

/// <summary>
/// Selects a route as API Gateway HTTP APIs do: the most specific match wins (at each path segment a literal beats
/// a <c>{variable}</c>, which beats a greedy <c>{proxy+}</c>; then a named method beats <c>ANY</c>), and
/// <c>$default</c> catches what nothing else matches.
/// </summary>
internal sealed class RouteTable
{
    private const int Literal = 0;
    private const int Variable = 1;
    private const int Greedy = 2;

    private readonly List<ParsedRoute> _routes = [];
    private readonly GatewayRoute? _default;

    public RouteTable(IEnumerable<GatewayRoute> routes)
    {
        foreach (var route in routes)
        {
            if (route.RouteKey == "$default")
            {
                _default = route;
                continue;
            }

            var space = route.RouteKey.IndexOf(' ', StringComparison.Ordinal);
            var path = space > 0 ? route.RouteKey[(space + 1)..] : string.Empty;
            if (space <= 0 || !path.StartsWith('/'))
            {
                throw new ArgumentException($"route key '{route.RouteKey}' is not 'METHOD /path' or '$default'", nameof(routes));
            }

            var segments = path == "/" ? [] : path[1..].Split('/');
            var greedyAt = Array.FindIndex(segments, s => s.StartsWith('{') && s.EndsWith("+}", StringComparison.Ordinal));
            if (greedyAt >= 0 && greedyAt != segments.Length - 1)
            {
                throw new ArgumentException($"route key '{route.RouteKey}': a greedy path variable must be the last segment", nameof(routes));
            }

            _routes.Add(new ParsedRoute(route, route.RouteKey[..space].ToUpperInvariant(), segments));
        }
    }

    public RouteMatch? Match(string method, string path)
    {
        var segments = path == "/" ? [] : path.TrimStart('/').Split('/');
        RouteMatch? best = null;
        int[]? bestRank = null;
        foreach (var route in _routes)
        {
            if ((route.Method != "ANY" && route.Method != method) || Bind(route.Segments, segments) is not { } bound)
            {
                continue;
            }

            int[] rank = [.. bound.Rank, route.Method == "ANY" ? 1 : 0];
            if (bestRank is null || Compare(rank, bestRank) < 0)
            {
                best = new RouteMatch(route.Route, bound.Parameters);
                bestRank = rank;
            }
        }

        return best ?? (_default is null ? null : new RouteMatch(_default, new Dictionary<string, string>()));
    }

    private static (int[] Rank, Dictionary<string, string> Parameters)? Bind(string[] pattern, string[] segments)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var rank = new int[pattern.Length];
        for (var i = 0; i < pattern.Length; i++)
        {
            var part = pattern[i];
            var isVariable = part.StartsWith('{') && part.EndsWith('}');
            if (isVariable && part.EndsWith("+}", StringComparison.Ordinal))
            {
                if (segments.Length <= i)
                {
                    return null;
                }

                parameters[part[1..^2]] = Uri.UnescapeDataString(string.Join('/', segments[i..]));
                rank[i] = Greedy;
                return (rank, parameters);
            }

            if (i >= segments.Length)
            {
                return null;
            }

            if (isVariable)
            {
                if (segments[i].Length == 0)
                {
                    return null;
                }

                parameters[part[1..^1]] = Uri.UnescapeDataString(segments[i]);
                rank[i] = Variable;
            }
            else if (part != segments[i])
            {
                return null;
            }
        }

        return segments.Length == pattern.Length ? (rank, parameters) : null;
    }

    private static int Compare(int[] left, int[] right)
    {
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i])
            {
                return left[i].CompareTo(right[i]);
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    private sealed record ParsedRoute(GatewayRoute Route, string Method, string[] Segments);
}
