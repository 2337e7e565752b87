using System.Text;
using System.Text.Json;

namespace HttpApi.Tests;

/// <summary>The integration the tests plug in: named functions with known answers, one of which echoes the event.</summary>
internal static class TestFunctions
{
    public static Task<InvokeResult> InvokeAsync(string functionName, ReadOnlyMemory<byte> requestEvent, CancellationToken cancellationToken) =>
        functionName switch
        {
            "echo" => Json(JsonSerializer.Serialize(new { statusCode = 200, headers = new Dictionary<string, string> { ["content-type"] = "application/json" }, body = Encoding.UTF8.GetString(requestEvent.Span) })),
            "bare-string" => Json("\"hello from lambda\""),
            "bare-object" => Json("""{"orderId":"o-1","total":12.5}"""),
            "structured" => Json("""{"statusCode":201,"headers":{"location":"/orders/o-1","x-count":3},"cookies":["a=1; Path=/","b=2"],"body":"created"}"""),
            "binary" => Json("""{"statusCode":200,"headers":{"content-type":"application/octet-stream"},"body":"AAEC/w==","isBase64Encoded":true}"""),
            "fail" => Task.FromResult(new InvokeResult("""{"errorType":"OrderNotFoundException","errorMessage":"no order"}"""u8.ToArray(), true)),
            "garbage" => Json("not json at all"),
            "bad-status" => Json("""{"statusCode":"two hundred"}"""),
            "throws" => Task.FromException<InvokeResult>(new InvalidOperationException("the function process died")),
            "hangs" => HangAsync(cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(functionName), functionName, "no such test function"),
        };

    private static Task<InvokeResult> Json(string payload) => Task.FromResult(new InvokeResult(Encoding.UTF8.GetBytes(payload), false));

    /// <summary>Never answers; only the gateway's integration timeout ends it.</summary>
    private static async Task<InvokeResult> HangAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return new InvokeResult(Array.Empty<byte>(), false);
    }
}
