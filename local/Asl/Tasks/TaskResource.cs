namespace Asl;

/// <summary>
/// A Task's resource ARN taken apart: <c>arn:aws:states:::lambda:invoke</c> has resource type <c>lambda</c> and
/// resource <c>invoke</c>; <c>arn:aws:states:::aws-sdk:dynamodb:putItem</c> has <c>aws-sdk:dynamodb</c> and
/// <c>putItem</c>; a legacy <c>arn:aws:lambda:...:function:X</c> is recorded with LambdaFunction* events.
/// </summary>
public sealed record TaskResource(string Arn, string ResourceType, string Resource, string Action, TaskPattern Pattern, bool IsLegacyLambda, bool IsActivity)
{
    private const string ServicePrefix = "arn:aws:states:::";

    /// <summary>Parses any Task resource ARN; unknown shapes keep the whole ARN as the resource.</summary>
    public static TaskResource Parse(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        if (arn.StartsWith(ServicePrefix, StringComparison.Ordinal))
        {
            var rest = arn[ServicePrefix.Length..];
            var (pattern, suffix) = rest switch
            {
                _ when rest.EndsWith(".waitForTaskToken", StringComparison.Ordinal) => (TaskPattern.WaitForTaskToken, ".waitForTaskToken"),
                _ when rest.EndsWith(".sync:2", StringComparison.Ordinal) => (TaskPattern.Sync2, ".sync:2"),
                _ when rest.EndsWith(".sync", StringComparison.Ordinal) => (TaskPattern.Sync, ".sync"),
                _ => (TaskPattern.RequestResponse, string.Empty),
            };
            var withoutPattern = rest[..^suffix.Length];
            var split = withoutPattern.LastIndexOf(':');
            if (split > 0)
            {
                var action = withoutPattern[(split + 1)..];
                return new TaskResource(arn, withoutPattern[..split], action + suffix, action, pattern, false, false);
            }
        }

        var parts = arn.Split(':');
        if (parts.Length >= 7 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function")
        {
            return new TaskResource(arn, "lambda", arn, parts[6], TaskPattern.RequestResponse, true, false);
        }

        if (parts.Length >= 7 && parts[0] == "arn" && parts[2] == "states" && parts[5] == "activity")
        {
            return new TaskResource(arn, "activity", arn, parts[6], TaskPattern.RequestResponse, false, true);
        }

        return new TaskResource(arn, "unknown", arn, arn, TaskPattern.RequestResponse, false, false);
    }
}
