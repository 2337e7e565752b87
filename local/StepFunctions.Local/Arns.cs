namespace StepFunctions.Local;

/// <summary>Checks Step Functions ARNs the way the API does before looking anything up.</summary>
internal static class Arns
{
    private const string Prefix = "arn:aws:states:";

    /// <summary>The resource type of <c>arn:aws:states:region:account:type:...</c>; InvalidArn when the ARN is not one.</summary>
    public static string ResourceType(string arn)
    {
        var parts = arn.Split(':', 7);
        if (!arn.StartsWith(Prefix, StringComparison.Ordinal) || parts.Length < 7 || parts[6].Length == 0)
        {
            throw ApiException.InvalidArn($"Invalid ARN prefix: {arn}");
        }

        return parts[5];
    }

    /// <summary>Requires a state machine ARN (optionally with Step Functions Local's <c>#TestCase</c> suffix).</summary>
    public static void RequireStateMachine(string arn) => Require(arn, "stateMachine");

    /// <summary>Requires a Standard execution ARN; an Express one gets AWS's "Resource type not valid" answer.</summary>
    public static void RequireExecution(string arn) => Require(arn, "execution");

    public static void RequireMapRun(string arn) => Require(arn, "mapRun");

    private static void Require(string arn, string type)
    {
        var actual = ResourceType(arn);
        if (actual != type)
        {
            throw ApiException.InvalidArn($"Resource type not valid in this context: {actual}");
        }
    }
}
