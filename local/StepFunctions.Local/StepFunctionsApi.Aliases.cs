using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StepFunctions.Local;

/// <content>
/// CreateStateMachineAlias, DescribeStateMachineAlias, UpdateStateMachineAlias, DeleteStateMachineAlias,
/// ListStateMachineAliases. An alias routes each execution to one of its one or two versions by weight, drawn from a
/// random seeded like the engine's.
/// </content>
public sealed partial class StepFunctionsApi
{
    private const string AliasNamePattern = @"^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$";
    private const string NoSuchResource = "Request references a resource that does not exist.";

    private readonly ConcurrentDictionary<string, StateMachineAlias> _aliases = new(StringComparer.Ordinal);
    private readonly Lock _routingGate = new();
    private Random? _routing;

    private void CreateStateMachineAlias(ApiRequest request, Utf8JsonWriter writer)
    {
        var name = request.String("name", 1, 80, required: true);
        var description = request.String("description", 0, 256);
        var routes = ReadRoutes(request, required: true)!;
        if (name is { Length: > 0 and <= 80 } && !AliasName().IsMatch(name))
        {
            request.Violate("name", name, $"Member must satisfy regular expression pattern: {AliasNamePattern}");
        }

        request.ThrowIfInvalid();
        var machineArn = CheckRoutes(routes);
        var arn = $"{machineArn}:{name}";
        StateMachineAlias alias;
        lock (_writeGate)
        {
            FindStateMachine(machineArn);
            if (_aliases.TryGetValue(arn, out var existing))
            {
                if (existing.Description != description || !existing.Routes.SequenceEqual(routes))
                {
                    throw new ApiException("ConflictException", "Failed to create alias because an alias with the same name and a different routing configuration already exists.", 409);
                }

                alias = existing;
            }
            else
            {
                var now = Engine.Clock.UtcNow;
                alias = new StateMachineAlias(arn, name!, machineArn, description, routes, now, now);
                _aliases[arn] = alias;
                Persist(machineArn);
            }
        }

        writer.WriteString("stateMachineAliasArn", alias.Arn);
        writer.WriteDate("creationDate", alias.CreationDate);
    }

    private void DescribeStateMachineAlias(ApiRequest request, Utf8JsonWriter writer)
    {
        var alias = FindAlias(RequiredAliasArn(request));
        alias.WriteRouting(writer);
        writer.WriteDate("creationDate", alias.CreationDate);
        writer.WriteDate("updateDate", alias.UpdateDate);
    }

    private void UpdateStateMachineAlias(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = request.String("stateMachineAliasArn", 1, 256, required: true);
        var description = request.String("description", 0, 256);
        var routes = ReadRoutes(request, required: false);
        request.ThrowIfInvalid();
        Arns.RequireStateMachine(arn!);
        if (description is null && routes is null)
        {
            throw new ApiException("ValidationException", "Either the description or the routing configuration must be specified");
        }

        var machineArn = routes is null ? null : CheckRoutes(routes);
        lock (_writeGate)
        {
            var alias = FindAlias(arn!);
            if (machineArn is not null && machineArn != alias.StateMachineArn)
            {
                throw new ApiException("ValidationException", $"Routing configuration must contain versions of the state machine '{alias.StateMachineArn}'");
            }

            var updated = alias with { Description = description ?? alias.Description, Routes = routes ?? alias.Routes, UpdateDate = Engine.Clock.UtcNow };
            _aliases[alias.Arn] = updated;
            Persist(alias.StateMachineArn);
            writer.WriteDate("updateDate", updated.UpdateDate);
        }
    }

    private void DeleteStateMachineAlias(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = RequiredAliasArn(request);
        lock (_writeGate)
        {
            // Like the other deletes, removing an alias that is not there succeeds.
            if (_aliases.TryRemove(arn, out var deleted))
            {
                Persist(deleted.StateMachineArn);
            }
        }
    }

    private void ListStateMachineAliases(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = request.String("stateMachineArn", 1, 256, required: true);
        var pageSize = Paging.PageSize(request.Integer("maxResults", 0, 1000));
        var token = request.String("nextToken", 1, 1024);
        request.ThrowIfInvalid();
        Arns.RequireStateMachine(arn!);
        var entry = FindStateMachine(arn!);
        Paging.WritePage(writer, "stateMachineAliases", AliasesOf(entry.Arn), token, "aliases:" + entry.Arn, pageSize, static (item, alias) =>
        {
            item.WriteString("stateMachineAliasArn", alias.Arn);
            item.WriteDate("creationDate", alias.CreationDate);
        });
    }

    /// <summary>The version ARN for the next execution through <paramref name="alias"/>, drawn by the routing weights.</summary>
    private string Route(StateMachineAlias alias)
    {
        int draw;
        lock (_routingGate)
        {
            _routing ??= Engine.Options.RandomSeed is { } seed ? new Random(seed) : new Random();
            draw = _routing.Next(100);
        }

        foreach (var route in alias.Routes)
        {
            draw -= route.Weight;
            if (draw < 0)
            {
                return route.VersionArn;
            }
        }

        return alias.Routes[^1].VersionArn;
    }

    /// <summary>Reads routingConfiguration with AWS's member constraints (1–2 entries, weights 0–100).</summary>
    private static List<AliasRoute>? ReadRoutes(ApiRequest request, bool required)
    {
        if (request.Array("routingConfiguration", required) is not { } array)
        {
            return null;
        }

        var routes = new List<AliasRoute>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("stateMachineVersionArn", out var arn) || arn.ValueKind != JsonValueKind.String
                || !item.TryGetProperty("weight", out var weight) || !weight.TryGetInt32(out var percent))
            {
                throw ApiException.Serialization("The member 'routingConfiguration' must be an array of {\"stateMachineVersionArn\": string, \"weight\": integer} objects.");
            }

            routes.Add(new AliasRoute(ApiRequest.Text(arn, "routingConfiguration"), percent));
        }

        var listed = "[" + string.Join(", ", routes.Select(r => $"RoutingConfigurationListItem(stateMachineVersionArn={r.VersionArn}, weight={r.Weight.ToString(CultureInfo.InvariantCulture)})")) + "]";
        if (routes.Count < 1)
        {
            request.Violate("routingConfiguration", listed, "Member must have length greater than or equal to 1");
        }
        else if (routes.Count > 2)
        {
            request.Violate("routingConfiguration", listed, "Member must have length less than or equal to 2");
        }

        for (var i = 0; i < routes.Count; i++)
        {
            var weight = routes[i].Weight.ToString(CultureInfo.InvariantCulture);
            if (routes[i].Weight < 0)
            {
                request.Violate($"routingConfiguration.{i + 1}.member.weight", weight, "Member must have value greater than or equal to 0");
            }
            else if (routes[i].Weight > 100)
            {
                request.Violate($"routingConfiguration.{i + 1}.member.weight", weight, "Member must have value less than or equal to 100");
            }
        }

        return routes;
    }

    /// <summary>Checks routes name distinct, existing versions of one machine with weights summing to 100; returns that machine's ARN.</summary>
    private string CheckRoutes(List<AliasRoute> routes)
    {
        var arns = routes.Select(r => r.VersionArn).ToList();
        var received = $"[{string.Join(", ", arns)}]";
        if (arns.Any(a => !IsVersionNumber(SplitQualifier(a).Qualifier)))
        {
            throw new ApiException("ValidationException", $"Routing configuration must contain state machine version ARNs. Received: {received}");
        }

        if (arns.Distinct(StringComparer.Ordinal).Count() != arns.Count)
        {
            throw new ApiException("ValidationException", $"Routing configuration must contain distinct state machine version ARNs. Received: {received}");
        }

        if (arns.Select(a => SplitQualifier(a).MachineArn).Distinct(StringComparer.Ordinal).Count() != 1)
        {
            throw new ApiException("ValidationException", $"Routing configuration must contain versions of one state machine. Received: {received}");
        }

        if (routes.Sum(r => r.Weight) != 100)
        {
            throw new ApiException("ValidationException", $"Sum of routing configuration weights must equal 100. Received: [{string.Join(", ", routes.Select(r => r.Weight))}]");
        }

        foreach (var arn in arns)
        {
            Arns.RequireStateMachine(arn);
            if (!_versions.ContainsKey(arn))
            {
                throw new ApiException("ResourceNotFound", NoSuchResource);
            }
        }

        return SplitQualifier(arns[0]).MachineArn;
    }

    /// <summary>A machine's aliases, oldest first (ListStateMachineAliases's order).</summary>
    private List<StateMachineAlias> AliasesOf(string machineArn) =>
        [.. _aliases.Values.Where(a => a.StateMachineArn == machineArn).OrderBy(a => a.CreationDate).ThenBy(a => a.Name, StringComparer.Ordinal)];

    private StateMachineAlias FindAlias(string arn) =>
        _aliases.TryGetValue(arn, out var alias) ? alias : throw new ApiException("ResourceNotFound", NoSuchResource);

    private static string RequiredAliasArn(ApiRequest request)
    {
        var arn = request.String("stateMachineAliasArn", 1, 256, required: true);
        request.ThrowIfInvalid();
        Arns.RequireStateMachine(arn!);
        return arn!;
    }

    [GeneratedRegex(AliasNamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex AliasName();
}
