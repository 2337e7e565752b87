using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Asl;

namespace StepFunctions.Local;

/// <content>
/// PublishStateMachineVersion, ListStateMachineVersions, DeleteStateMachineVersion, and how version and alias ARNs
/// resolve when an execution starts. Versions live by ARN beside the state machines; an execution started through a
/// version or an alias remembers both for DescribeExecution and ListExecutions.
/// </content>
public sealed partial class StepFunctionsApi
{
    /// <summary>The revision id AWS compares against when a machine has never been updated.</summary>
    private const string InitialRevision = "INITIAL";

    private readonly ConcurrentDictionary<string, StateMachineVersion> _versions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _lastVersionNumbers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExecutionSource> _executionSources = new(StringComparer.Ordinal);

    private void PublishStateMachineVersion(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = request.String("stateMachineArn", 1, 256, required: true);
        var revisionId = request.String("revisionId", 0, 256);
        var description = request.String("description", 0, 256);
        request.ThrowIfInvalid();
        Arns.RequireStateMachine(arn!);
        var version = Publish(FindStateMachine(arn!), description, revisionId);
        writer.WriteDate("creationDate", version.CreationDate);
        writer.WriteString("stateMachineVersionArn", version.Arn);
    }

    private void ListStateMachineVersions(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = request.String("stateMachineArn", 1, 256, required: true);
        var pageSize = Paging.PageSize(request.Integer("maxResults", 0, 1000));
        var token = request.String("nextToken", 1, 1024);
        request.ThrowIfInvalid();
        Arns.RequireStateMachine(arn!);
        var entry = FindStateMachine(arn!);
        Paging.WritePage(writer, "stateMachineVersions", VersionsNewestFirst(entry.Arn), token, "versions:" + entry.Arn, pageSize, static (item, version) =>
        {
            item.WriteString("stateMachineVersionArn", version.Arn);
            item.WriteDate("creationDate", version.CreationDate);
        });
    }

    private void DeleteStateMachineVersion(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = request.String("stateMachineVersionArn", 1, 256, required: true);
        request.ThrowIfInvalid();
        Arns.RequireStateMachine(arn!);
        if (!IsVersionNumber(SplitQualifier(arn!).Qualifier))
        {
            throw new ApiException("ValidationException", $"Invalid version ARN: '{arn}'");
        }

        lock (_writeGate)
        {
            var referencing = _aliases.Values.Where(a => a.Routes.Any(r => r.VersionArn == arn)).Select(a => a.Name).Order(StringComparer.Ordinal).ToList();
            if (referencing.Count > 0)
            {
                throw new ApiException(
                    "ConflictException",
                    $"Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [{string.Join(", ", referencing)}]",
                    409);
            }

            // Like DeleteStateMachine, deleting a version that is not there succeeds.
            if (_versions.TryRemove(arn!, out var deleted))
            {
                Persist(deleted.StateMachineArn);
            }
        }
    }

    /// <summary>
    /// Publishes the machine's current revision, or returns the version that already holds it (publishing is
    /// idempotent). A <paramref name="revisionId"/> other than the current one is AWS's ConflictException.
    /// </summary>
    private StateMachineVersion Publish(StateMachineEntry entry, string? description, string? revisionId = null)
    {
        lock (_writeGate)
        {
            var current = entry.Current;
            var currentId = current.RevisionId ?? InitialRevision;
            if (revisionId is not null && revisionId != currentId)
            {
                throw new ApiException(
                    "ConflictException",
                    $"Failed to publish the State Machine version for revision {revisionId}. The current State Machine revision is {currentId}.",
                    409);
            }

            if (VersionsNewestFirst(entry.Arn).FirstOrDefault() is { } latest && ReferenceEquals(latest.Revision, current))
            {
                return latest;
            }

            var number = _lastVersionNumbers.AddOrUpdate(entry.Arn, 1, static (_, last) => last + 1);
            var version = new StateMachineVersion(VersionArn(entry.Arn, number), entry.Arn, number, current, description, Engine.Clock.UtcNow);
            _versions[version.Arn] = version;
            Persist(entry);
            return version;
        }
    }

    /// <summary>
    /// The machine, revision, version and alias a StartExecution ARN names. A version or alias that does not exist is
    /// StateMachineDoesNotExist, as for a machine.
    /// </summary>
    private StartTarget ResolveStart(string arn)
    {
        var (machineArn, qualifier) = SplitQualifier(arn);
        var entry = FindStateMachine(machineArn);
        if (qualifier is null)
        {
            return new StartTarget(entry, entry.Current, null);
        }

        if (IsVersionNumber(qualifier))
        {
            var version = FindVersion(arn);
            return new StartTarget(entry, version.Revision, new ExecutionSource(version.Arn, null));
        }

        var alias = _aliases.TryGetValue(arn, out var found) ? found : throw MachineMissing(arn);
        var routed = FindVersion(Route(alias));
        return new StartTarget(entry, routed.Revision, new ExecutionSource(routed.Arn, alias.Arn));
    }

    /// <summary>Remembers the version and alias an execution was started through.</summary>
    private void RecordSource(Execution execution, ExecutionSource? source)
    {
        if (source is not null)
        {
            _executionSources.TryAdd(execution.Arn, source);
        }
    }

    /// <summary>The version and alias the execution was started through; null for a start by the machine's own ARN.</summary>
    private ExecutionSource? SourceOf(Execution execution) => _executionSources.GetValueOrDefault(execution.Arn);

    /// <summary>Whether an execution belongs to the listing for <paramref name="arn"/> (a machine, a version or an alias ARN).</summary>
    private bool StartedThrough(Execution execution, string arn) =>
        SplitQualifier(arn).Qualifier is null || SourceOf(execution) is { } source && (source.VersionArn == arn || source.AliasArn == arn);

    /// <summary>Writes DescribeStateMachine's answer for a version ARN; false when <paramref name="arn"/> is not one.</summary>
    private bool TryDescribeVersion(string arn, Utf8JsonWriter writer)
    {
        var (machineArn, qualifier) = SplitQualifier(arn);
        if (!IsVersionNumber(qualifier))
        {
            return false;
        }

        var version = FindVersion(arn);
        var entry = FindStateMachine(machineArn);
        WriteDescription(writer, version.Arn, entry, version.Revision, version.CreationDate);
        writer.WriteOptional("description", version.Description);
        return true;
    }

    /// <summary>Deletes a machine's versions and aliases with it, as DeleteStateMachine does.</summary>
    private void ForgetVersionsAndAliases(string machineArn)
    {
        lock (_writeGate)
        {
            foreach (var alias in _aliases.Values.Where(a => a.StateMachineArn == machineArn))
            {
                _aliases.TryRemove(alias.Arn, out _);
            }

            foreach (var version in _versions.Values.Where(v => v.StateMachineArn == machineArn))
            {
                _versions.TryRemove(version.Arn, out _);
            }

            _lastVersionNumbers.TryRemove(machineArn, out _);
        }
    }

    private List<StateMachineVersion> VersionsNewestFirst(string machineArn) =>
        [.. _versions.Values.Where(v => v.StateMachineArn == machineArn).OrderByDescending(v => v.Number)];

    private StateMachineVersion FindVersion(string arn) =>
        _versions.TryGetValue(arn, out var version) ? version : throw MachineMissing(arn);

    private static ApiException MachineMissing(string arn) => new("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{arn}'");

    private static string VersionArn(string machineArn, int number) => $"{machineArn}:{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Splits <c>arn:aws:states:r:a:stateMachine:name[:qualifier]</c> into the machine ARN and the qualifier.</summary>
    private static (string MachineArn, string? Qualifier) SplitQualifier(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length == 8 ? (string.Join(':', parts[..7]), parts[7]) : (arn, null);
    }

    private static bool IsVersionNumber(string? qualifier) =>
        qualifier is { Length: > 0 } && qualifier.All(char.IsAsciiDigit);
}
