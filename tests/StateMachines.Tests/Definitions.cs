using System.Text.RegularExpressions;
using StandIns;

namespace StateMachines.Tests;

/// <summary>The four ASL files, raw and with their <c>${X}</c> placeholders filled the way a deployment would.</summary>
internal static partial class Definitions
{
    public const string OrderSaga = "statemachines/order-saga.asl.json";
    public const string Approval = "statemachines/approval.asl.json";
    public const string Etl = "statemachines/etl.asl.json";
    public const string Sentiment = "statemachines/sentiment.asl.json";

    public static IReadOnlyList<string> All { get; } = [OrderSaga, Approval, Etl, Sentiment];

    // Deployment-like values for every DefinitionSubstitutions key in template.yaml.
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["ApprovalThreshold"] = "1000",
        ["ApprovalTimeoutSeconds"] = "90000",
        ["ApprovalHeartbeatSeconds"] = "86400",
        ["BedrockModelId"] = "anthropic.claude-3-haiku-20240307-v1:0",
        ["OrdersTableName"] = "workers-OrdersTable",
        ["ApprovalsTableName"] = "workers-ApprovalsTable",
        ["ReviewsTableName"] = "workers-ReviewsTable",
        ["ReviewTopicArn"] = "arn:aws:sns:us-east-1:123456789012:workers-ReviewTopic",
        ["NegativeReviewsTopicArn"] = "arn:aws:sns:us-east-1:123456789012:workers-NegativeReviewsTopic",
        ["ApprovalQueueUrl"] = "https://sqs.us-east-1.amazonaws.com/123456789012/workers-ApprovalQueue",
        ["ApprovalStateMachineArn"] = "arn:aws:states:us-east-1:123456789012:stateMachine:workers-approval",
    };

    public static string Path(string file) => System.IO.Path.Combine(RepositoryRoot.Find(), file);

    public static string Read(string file) => File.ReadAllText(Path(file));

    public static IReadOnlySet<string> Placeholders(string file) =>
        Placeholder().Matches(Read(file)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The definition with every placeholder replaced; a function ARN ends in the function's logical name.</summary>
    public static string Substituted(string file) => Placeholder().Replace(Read(file), m =>
        m.Groups[1].Value.EndsWith("FunctionArn", StringComparison.Ordinal)
            ? $"arn:aws:lambda:us-east-1:123456789012:function:{m.Groups[1].Value[..^"Arn".Length]}"
            : Values[m.Groups[1].Value]);

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
