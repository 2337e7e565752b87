using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Local.Tests.Up;

/// <summary>The order and approval routes of a running <c>up</c>, called as a user calls them with curl.</summary>
public sealed class OrderApi(HttpClient api)
{
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The statuses an order keeps once its saga has ended.</summary>
    private static readonly string[] FinalStatuses = ["FULFILLED", "ROLLED_BACK", "REJECTED", "UNDER_REVIEW"];

    public static string NewOrderId() => $"o-{Guid.NewGuid():N}"[..20];

    public async Task<HttpResponseMessage> PostAsync(string orderId, string sku, int quantity, decimal unitPrice, string paymentToken) =>
        await api.PostAsJsonAsync("/orders", new
        {
            orderId,
            customerId = $"c-{orderId}",
            items = new[] { new { sku, quantity, unitPrice } },
            currency = "EUR",
            paymentToken,
        });

    /// <summary>Posts an order and returns its status once the saga has ended.</summary>
    public async Task<string?> RunAsync(string orderId, string sku, int quantity, decimal unitPrice, string paymentToken)
    {
        using var accepted = await PostAsync(orderId, sku, quantity, unitPrice, paymentToken);
        accepted.EnsureSuccessStatusCode();
        return await WaitForFinalStatusAsync(orderId);
    }

    /// <summary>Polls GET /orders/{id} until the status is final; the timeout is a safety net only.</summary>
    public async Task<string?> WaitForFinalStatusAsync(string orderId)
    {
        using var timeout = new CancellationTokenSource(StatusTimeout);
        using var poll = new PeriodicTimer(PollInterval);
        string? status = null;
        while (await poll.WaitForNextTickAsync(timeout.Token))
        {
            var order = await api.GetFromJsonAsync<JsonObject>($"/orders/{orderId}", timeout.Token);
            status = (string?)order?["status"];
            if (FinalStatuses.Contains(status))
            {
                break;
            }
        }

        return status;
    }

    /// <summary>Polls GET /approvals/approval-{orderId} until the approvals service has stored the request, and returns it.</summary>
    public async Task<JsonObject> WaitForApprovalAsync(string orderId, string token)
    {
        using var timeout = new CancellationTokenSource(StatusTimeout);
        using var poll = new PeriodicTimer(PollInterval);
        while (true)
        {
            await poll.WaitForNextTickAsync(timeout.Token);
            if (await GetApprovalAsync(orderId, token, timeout.Token) is { } approval)
            {
                return approval;
            }
        }
    }

    /// <summary>GET /approvals/approval-{orderId}, or null while it does not exist.</summary>
    public async Task<JsonObject?> GetApprovalAsync(string orderId, string token, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/approvals/approval-{orderId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await api.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) : null;
    }

    public async Task<HttpResponseMessage> DecideAsync(string orderId, string decision, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/approvals/approval-{orderId}/{decision}") { Content = JsonContent.Create(new { reason = "end-to-end test" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await api.SendAsync(request);
    }
}
