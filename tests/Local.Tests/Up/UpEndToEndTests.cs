using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Local.Tests.Up;

/// <summary>Orders and approvals over HTTP against <c>up</c> running as a real process with real functions and dynalite.</summary>
public sealed class UpEndToEndTests(UpFixture fixture) : IClassFixture<UpFixture>
{
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task PostOrder_InStockVisa_EndsFulfilled()
    {
        var orderId = NewOrderId();

        var accepted = await PostOrderAsync(orderId, "SKU-1", 2, 10m, "tok_visa");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("FULFILLED", await WaitForFinalStatusAsync(orderId));
    }

    [Fact]
    public async Task PostOrder_MissingItems_Is400()
    {
        using var response = await fixture.Up.Api.PostAsJsonAsync("/orders", new { orderId = NewOrderId(), customerId = "c-1", currency = "EUR", paymentToken = "tok_visa" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostOrder_DeclinedCard_EndsRolledBack()
    {
        var orderId = NewOrderId();

        await PostOrderAsync(orderId, "SKU-3", 1, 10m, "tok_declined");

        Assert.Equal("ROLLED_BACK", await WaitForFinalStatusAsync(orderId));
    }

    [Fact]
    public async Task PostOrder_OutOfStock_EndsRolledBack()
    {
        var orderId = NewOrderId();

        await PostOrderAsync(orderId, "SKU-4", 5000, 0.01m, "tok_visa");

        Assert.Equal("ROLLED_BACK", await WaitForFinalStatusAsync(orderId));
    }

    [Fact]
    public async Task PostOrder_UnshippableSku_IsCompensatedToRolledBack()
    {
        var orderId = NewOrderId();

        await PostOrderAsync(orderId, "HAZMAT-1", 1, 10m, "tok_visa");

        Assert.Equal("ROLLED_BACK", await WaitForFinalStatusAsync(orderId));
    }

    [Fact]
    public async Task ListApprovals_WithoutToken_Is401()
    {
        using var response = await fixture.Up.Api.GetAsync("/approvals?status=PENDING");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Approve_OrderAboveThreshold_EndsFulfilled()
    {
        var orderId = NewOrderId();
        await PostOrderAsync(orderId, "SKU-5", 3, 500m, "tok_visa");
        var token = await fixture.Up.TokenAsync("alice");
        await WaitForApprovalAsync(orderId, token);

        using var decision = await DecideAsync(orderId, "approve", token);

        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        Assert.Equal("FULFILLED", await WaitForFinalStatusAsync(orderId));
    }

    [Fact]
    public async Task Reject_OrderAboveThreshold_EndsRolledBack()
    {
        var orderId = NewOrderId();
        await PostOrderAsync(orderId, "SKU-6", 3, 500m, "tok_visa");
        var token = await fixture.Up.TokenAsync("bob");
        await WaitForApprovalAsync(orderId, token);

        using var decision = await DecideAsync(orderId, "reject", token);

        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        Assert.Equal("ROLLED_BACK", await WaitForFinalStatusAsync(orderId));
    }

    private static string NewOrderId() => $"o-{Guid.NewGuid():N}"[..20];

    private async Task<HttpResponseMessage> PostOrderAsync(string orderId, string sku, int quantity, decimal unitPrice, string paymentToken) =>
        await fixture.Up.Api.PostAsJsonAsync("/orders", new
        {
            orderId,
            customerId = $"c-{orderId}",
            items = new[] { new { sku, quantity, unitPrice } },
            currency = "EUR",
            paymentToken,
        });

    private async Task<HttpResponseMessage> DecideAsync(string orderId, string decision, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/approvals/approval-{orderId}/{decision}") { Content = JsonContent.Create(new { reason = "end-to-end test" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await fixture.Up.Api.SendAsync(request);
    }

    /// <summary>Polls GET /orders/{id} until the status is final; the timeout is a safety net only.</summary>
    private async Task<string?> WaitForFinalStatusAsync(string orderId)
    {
        using var timeout = new CancellationTokenSource(StatusTimeout);
        using var poll = new PeriodicTimer(PollInterval);
        string? status = null;
        while (await poll.WaitForNextTickAsync(timeout.Token))
        {
            var order = await fixture.Up.Api.GetFromJsonAsync<JsonObject>($"/orders/{orderId}", timeout.Token);
            status = (string?)order?["status"];
            if (status is "FULFILLED" or "ROLLED_BACK" or "REJECTED")
            {
                break;
            }
        }

        return status;
    }

    private async Task WaitForApprovalAsync(string orderId, string token)
    {
        using var timeout = new CancellationTokenSource(StatusTimeout);
        using var poll = new PeriodicTimer(PollInterval);
        while (await poll.WaitForNextTickAsync(timeout.Token))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/approvals/approval-{orderId}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await fixture.Up.Api.SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
    }
}
