using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace StepFunctions.Benchmarks;

/// <summary>A bare JSON 1.0 client: POST / with X-Amz-Target, as every SDK sends it (neither server checks signatures).</summary>
internal sealed class SfnHttpClient(Uri endpoint) : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/x-amz-json-1.0");

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = endpoint };

    public async Task<JsonElement> CallAsync(string operation, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = JsonType;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSStepFunctions." + operation);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{operation} answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
