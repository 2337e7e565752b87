using System.Text.Json;
using System.Text.Json.Nodes;
using Asl;

namespace Workers.Local;

/// <summary>
/// A LOCAL STAND-IN for <c>bedrock:invokeModel</c>, used when no Bedrock endpoint is configured: it answers in the
/// Anthropic messages shape with a verdict from a fixed word list, so the sentiment workflow runs end to end without
/// AWS. It is not a model; a MockConfigFile (<c>--mock-config</c>) answers instead when it mocks the state.
/// </summary>
internal sealed class LocalSentimentModel : ITaskHandler
{
    /// <summary>The model id the stand-in reports, so outputs say plainly they did not come from Bedrock.</summary>
    public const string ModelName = "workers-local-sentiment-stand-in";

    private static readonly string[] NegativeWords = ["broke", "broken", "terrible", "awful", "refund", "worst", "bad", "poor", "disappoint", "useless"];
    private static readonly string[] PositiveWords = ["great", "love", "excellent", "perfect", "good", "amazing", "happy", "best"];

    public ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var review = ReviewText(invocation.Parameters).ToLowerInvariant();
        var negative = NegativeWords.Count(review.Contains);
        var positive = PositiveWords.Count(review.Contains);
        var (sentiment, confidence) = (negative - positive) switch
        {
            > 0 => ("negative", 0.9),
            < 0 => ("positive", 0.9),
            _ => ("neutral", 0.6),
        };
        var verdict = new JsonObject
        {
            ["sentiment"] = sentiment,
            ["confidence"] = confidence,
            ["summary"] = $"{sentiment} review (local stand-in, not Bedrock)",
        };
        var body = new JsonObject
        {
            ["id"] = $"msg_local_{Guid.NewGuid():N}",
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = ModelName,
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = verdict.ToJsonString() }),
            ["stop_reason"] = "end_turn",
            ["usage"] = new JsonObject { ["input_tokens"] = review.Length / 4, ["output_tokens"] = 20 },
        };
        return ValueTask.FromResult(TaskHandlerResult.Completed(new JsonObject { ["Body"] = body, ["ContentType"] = "application/json" }));
    }

    /// <summary>The user message's text from an Anthropic messages request (Body given as an object or a JSON string).</summary>
    private static string ReviewText(JsonNode? parameters)
    {
        var body = parameters?["Body"];
        if (body is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return text;
            }
        }

        var messages = body?["messages"] as JsonArray ?? [];
        return string.Join(' ', messages
            .SelectMany(m => m?["content"] as JsonArray ?? [])
            .Select(c => c?["text"]?.GetValue<string>() ?? string.Empty));
    }
}
