using Asl;
using Workers.Lambda;

namespace StateMachines.Tests;

/// <summary>
/// order-saga.asl.json (and approval.asl.json under it) with the real workers, the real tables in dynalite and the
/// real APIs, one test per path. Each test uses its own order, customer and SKU; after each, every order in the
/// tables must satisfy the saga's invariants (<see cref="SagaTables.ViolationsAsync"/>).
/// </summary>
public sealed class OrderSagaOnDynaliteTests(SagaCloud cloud) : IClassFixture<SagaCloud>
{
    private static string Order(string id, string sku, int quantity, decimal unitPrice, string token = "tok_visa") =>
        $$"""{"orderId":"{{id}}","customerId":"c-{{id}}","items":[{"sku":"{{sku}}","quantity":{{quantity}},"unitPrice":{{unitPrice}}}],"currency":"USD","paymentToken":"{{token}}"}""";

    [Fact]
    public async Task OrderSaga_HappyPath_ReservesChargesShipsAndMarksFulfilled()
    {
        await cloud.Tables.PutStockAsync("SKU-happy", 10);

        var accepted = await cloud.PostOrderAsync(Order("o-happy", "SKU-happy", 2, 25m));
        var execution = await cloud.CompletedAsync("o-happy");

        Assert.Equal(202, accepted.StatusCode);
        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(new OrderEffects("FULFILLED", "ACTIVE", 50m, null, "CREATED"), await cloud.Tables.EffectsAsync("o-happy"));
        Assert.Equal(8, await cloud.Tables.AvailableAsync("SKU-happy"));
        Assert.Equal(50m, await cloud.Tables.OutstandingAsync("c-o-happy", "USD"));
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    [Fact]
    public async Task OrderSaga_InvalidOrder_MarksRejectedWithNoSideEffect()
    {
        await cloud.Tables.PutStockAsync("SKU-invalid", 10);

        var execution = await cloud.StartSagaAsync(
            """{"orderId":"o-invalid","customerId":"c-o-invalid","items":[{"sku":"SKU-invalid","quantity":0,"unitPrice":5}],"currency":"USD","paymentToken":"tok_visa"}""",
            "order-o-invalid");
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((ExecutionStatus.Failed, "OrderRejected"), (execution.Status, execution.Error));
        Assert.Contains("items[0].quantity", execution.Cause, StringComparison.Ordinal);
        Assert.Equal(new OrderEffects("REJECTED", null, null, null, null), await cloud.Tables.EffectsAsync("o-invalid"));
        Assert.Equal(10, await cloud.Tables.AvailableAsync("SKU-invalid"));
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    [Fact]
    public async Task OrderSaga_OutOfStock_TakesNothingAndRollsBack()
    {
        await cloud.Tables.PutStockAsync("SKU-short", 1);

        await cloud.PostOrderAsync(Order("o-short", "SKU-short", 2, 10m));
        var execution = await cloud.CompletedAsync("o-short");

        Assert.Equal((ExecutionStatus.Failed, "SagaRolledBack"), (execution.Status, execution.Error));
        Assert.Equal(new OrderEffects("ROLLED_BACK", null, null, null, null), await cloud.Tables.EffectsAsync("o-short"));
        Assert.Equal(1, await cloud.Tables.AvailableAsync("SKU-short"));
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    [Fact]
    public async Task OrderSaga_PaymentDeclined_ReleasesTheStockAndRollsBack()
    {
        await cloud.Tables.PutStockAsync("SKU-declined", 5);

        await cloud.PostOrderAsync(Order("o-declined", "SKU-declined", 3, 10m, "tok_declined"));
        var execution = await cloud.CompletedAsync("o-declined");

        Assert.Equal((ExecutionStatus.Failed, "SagaRolledBack"), (execution.Status, execution.Error));
        Assert.Equal(new OrderEffects("ROLLED_BACK", "RELEASED", null, null, null), await cloud.Tables.EffectsAsync("o-declined"));
        Assert.Equal(5, await cloud.Tables.AvailableAsync("SKU-declined"));
        Assert.Equal(0m, await cloud.Tables.OutstandingAsync("c-o-declined", "USD"));
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    [Fact]
    public async Task OrderSaga_HighFraudScore_PublishesForReviewAndKeepsReservationAndCharge()
    {
        await cloud.Tables.PutStockAsync("SKU-fraud", 5);

        await cloud.PostOrderAsync(Order("o-fraud", "SKU-fraud", 1, 40m, "tok_fraud"));
        var execution = await cloud.CompletedAsync("o-fraud");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(new OrderEffects("UNDER_REVIEW", "ACTIVE", 40m, null, null), await cloud.Tables.EffectsAsync("o-fraud"));
        Assert.Equal(4, await cloud.Tables.AvailableAsync("SKU-fraud"));
        var review = Assert.Single(await cloud.ReviewsPublishedAsync(), r => r["orderId"]!.GetValue<string>() == "o-fraud");
        Assert.Equal(0.95, review["fraudScore"]!.GetValue<double>());
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    [Fact]
    public async Task OrderSaga_AboveThresholdApproved_ShipsAfterTheApproverDecides()
    {
        await cloud.Tables.PutStockAsync("SKU-approve", 5);

        await cloud.PostOrderAsync(Order("o-approve", "SKU-approve", 3, 500m));
        await cloud.DeliverApprovalRequestsAsync();
        var waiting = (await cloud.Tables.ApprovalStatusAsync("approval-o-approve"), (await cloud.Tables.EffectsAsync("o-approve")).Status);
        var decision = await cloud.DecideAsync("approval-o-approve", "approve", "alice");
        var execution = await cloud.CompletedAsync("o-approve");

        Assert.Equal(("PENDING", "APPROVAL_REQUIRED"), waiting);
        Assert.Equal(200, decision.StatusCode);
        Assert.Equal((ExecutionStatus.Succeeded, null, null), (execution.Status, execution.Error, execution.Cause));
        Assert.Equal("alice", execution.Output!["approval"]!["approver"]!.GetValue<string>());
        Assert.Equal("APPROVED", await cloud.Tables.ApprovalStatusAsync("approval-o-approve"));
        Assert.Equal(new OrderEffects("FULFILLED", "ACTIVE", 1500m, null, "CREATED"), await cloud.Tables.EffectsAsync("o-approve"));
        Assert.Equal(2, await cloud.Tables.AvailableAsync("SKU-approve"));
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    [Fact]
    public async Task OrderSaga_AboveThresholdRejected_RefundsReleasesAndRollsBack()
    {
        await cloud.Tables.PutStockAsync("SKU-reject", 5);

        await cloud.PostOrderAsync(Order("o-reject", "SKU-reject", 3, 500m));
        await cloud.DeliverApprovalRequestsAsync();
        var decision = await cloud.DecideAsync("approval-o-reject", "reject", "bob", "over budget");
        var execution = await cloud.CompletedAsync("o-reject");

        Assert.Equal(200, decision.StatusCode);
        Assert.Equal((ExecutionStatus.Failed, "SagaRolledBack"), (execution.Status, execution.Error));
        Assert.Contains("over budget", decision.Body, StringComparison.Ordinal);
        Assert.Equal("REJECTED", await cloud.Tables.ApprovalStatusAsync("approval-o-reject"));
        Assert.Equal(new OrderEffects("ROLLED_BACK", "RELEASED", 1500m, 1500m, null), await cloud.Tables.EffectsAsync("o-reject"));
        Assert.Equal(5, await cloud.Tables.AvailableAsync("SKU-reject"));
        Assert.Equal(0m, await cloud.Tables.OutstandingAsync("c-o-reject", "USD"));
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    [Fact]
    public async Task OrderSaga_AboveThresholdNobodyDecides_ExpiresRefundsReleasesAndALateDecisionIsRefused()
    {
        await cloud.Tables.PutStockAsync("SKU-expire", 5);

        await cloud.PostOrderAsync(Order("o-expire", "SKU-expire", 3, 500m));
        await cloud.DeliverApprovalRequestsAsync();
        await cloud.Clock.AdvanceAsync(cloud.ApprovalHeartbeat);
        var execution = await cloud.CompletedAsync("o-expire");
        var late = await cloud.DecideAsync("approval-o-expire", "approve", "alice");

        Assert.Equal((ExecutionStatus.Failed, "SagaRolledBack"), (execution.Status, execution.Error));
        Assert.Equal("EXPIRED", await cloud.Tables.ApprovalStatusAsync("approval-o-expire"));
        Assert.Equal(409, late.StatusCode);
        Assert.Equal(new OrderEffects("ROLLED_BACK", "RELEASED", 1500m, 1500m, null), await cloud.Tables.EffectsAsync("o-expire"));
        Assert.Equal(5, await cloud.Tables.AvailableAsync("SKU-expire"));
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    [Fact]
    public async Task OrderSaga_ShipmentRefused_CompensatesEveryStep()
    {
        await cloud.Tables.PutStockAsync("HAZMAT-ship", 5);

        await cloud.PostOrderAsync(Order("o-hazmat", "HAZMAT-ship", 2, 30m));
        var execution = await cloud.CompletedAsync("o-hazmat");

        Assert.Equal((ExecutionStatus.Failed, "SagaRolledBack"), (execution.Status, execution.Error));
        Assert.Equal(
            ["ValidateOrder", "ClaimOrder", "ReserveInventory", "ChargePayment", "CreateShipment", "CancelShipment", "RefundPayment", "ReleaseInventory", "MarkRolledBack"],
            MockedEngine.TasksEntered(execution));
        Assert.Equal(new OrderEffects("ROLLED_BACK", "RELEASED", 60m, 60m, null), await cloud.Tables.EffectsAsync("o-hazmat"));
        Assert.Equal(5, await cloud.Tables.AvailableAsync("HAZMAT-ship"));
        Assert.Equal(0m, await cloud.Tables.OutstandingAsync("c-o-hazmat", "USD"));
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    [Fact]
    public async Task OrderSaga_ProviderUnavailableTwice_RetriesThenChargesOnce()
    {
        await cloud.Tables.PutStockAsync("SKU-flaky", 5);

        await cloud.PostOrderAsync(Order("o-flaky", "SKU-flaky", 1, 20m, "tok_flaky_2"));
        var execution = await cloud.CompletedAsync("o-flaky");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(3, Scheduled(execution, "ChargePayment"));
        Assert.Equal(new OrderEffects("FULFILLED", "ACTIVE", 20m, null, "CREATED"), await cloud.Tables.EffectsAsync("o-flaky"));
        Assert.Equal(20m, await cloud.Tables.OutstandingAsync("c-o-flaky", "USD"));
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    [Fact]
    public async Task OrderSaga_ProviderUnavailableBeyondRetries_ReleasesAndRollsBackWithoutCharge()
    {
        await cloud.Tables.PutStockAsync("SKU-down", 5);

        await cloud.PostOrderAsync(Order("o-down", "SKU-down", 1, 20m, "tok_flaky_9"));
        var execution = await cloud.CompletedAsync("o-down");

        Assert.Equal((ExecutionStatus.Failed, "SagaRolledBack"), (execution.Status, execution.Error));
        Assert.Equal(new OrderEffects("ROLLED_BACK", "RELEASED", null, null, null), await cloud.Tables.EffectsAsync("o-down"));
        Assert.Equal(5, await cloud.Tables.AvailableAsync("SKU-down"));
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    [Fact]
    public async Task OrderSaga_DuplicatePost_RunsOneSagaAndChargesOnce()
    {
        await cloud.Tables.PutStockAsync("SKU-twice", 5);

        var first = await cloud.PostOrderAsync(Order("o-twice", "SKU-twice", 2, 15m));
        var execution = await cloud.CompletedAsync("o-twice");
        var second = await cloud.PostOrderAsync(Order("o-twice", "SKU-twice", 2, 15m));

        Assert.Equal((202, first.Body), (second.StatusCode, second.Body));
        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(new OrderEffects("FULFILLED", "ACTIVE", 30m, null, "CREATED"), await cloud.Tables.EffectsAsync("o-twice"));
        Assert.Equal(3, await cloud.Tables.AvailableAsync("SKU-twice"));
        Assert.Equal(30m, await cloud.Tables.OutstandingAsync("c-o-twice", "USD"));
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    [Fact]
    public async Task OrderSaga_ResponsesLostAfterSteps_RetriesReplayWithoutTakingOrChargingTwice()
    {
        await cloud.Tables.PutStockAsync("SKU-lost", 5);
        cloud.Functions.LoseResponses("ReserveInventoryFunction", 1);
        cloud.Functions.LoseResponses("ChargePaymentFunction", 2);

        await cloud.PostOrderAsync(Order("o-lost", "SKU-lost", 2, 35m));
        var execution = await cloud.CompletedAsync("o-lost");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal((2, 3), (Scheduled(execution, "ReserveInventory"), Scheduled(execution, "ChargePayment")));
        Assert.Equal(new OrderEffects("FULFILLED", "ACTIVE", 35m * 2, null, "CREATED"), await cloud.Tables.EffectsAsync("o-lost"));
        Assert.Equal(3, await cloud.Tables.AvailableAsync("SKU-lost"));
        Assert.Equal(70m, await cloud.Tables.OutstandingAsync("c-o-lost", "USD"));
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    [Fact]
    public async Task OrderSaga_SameOrderStartedTwiceAtOnce_OneExecutionRunsTheOtherChangesNothing()
    {
        await cloud.Tables.PutStockAsync("SKU-race", 5);

        await cloud.PostOrderAsync(Order("o-race", "SKU-race", 2, 12m));
        var again = await cloud.StartSagaAsync(Order("o-race", "SKU-race", 2, 12m), "order-o-race-again");
        var first = await cloud.CompletedAsync("o-race");
        await again.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(
            [(ExecutionStatus.Succeeded, null), (ExecutionStatus.Failed, "OrderAlreadyProcessed")],
            new[] { (first.Status, first.Error), (again.Status, again.Error) }.OrderBy(e => e.Status));
        Assert.Equal(new OrderEffects("FULFILLED", "ACTIVE", 24m, null, "CREATED"), await cloud.Tables.EffectsAsync("o-race"));
        Assert.Equal(3, await cloud.Tables.AvailableAsync("SKU-race"));
        Assert.Equal(24m, await cloud.Tables.OutstandingAsync("c-o-race", "USD"));
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    [Fact]
    public async Task OrderSaga_RolledBackOrderStartedAgain_ChangesNothing()
    {
        await cloud.Tables.PutStockAsync("SKU-again", 5);
        await cloud.PostOrderAsync(Order("o-again", "SKU-again", 1, 20m, "tok_flaky_5"));
        var first = await cloud.CompletedAsync("o-again");

        var second = await cloud.StartSagaAsync(Order("o-again", "SKU-again", 1, 20m, "tok_flaky_5"), "order-o-again-restart");
        await second.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((ExecutionStatus.Failed, "SagaRolledBack"), (first.Status, first.Error));
        Assert.Equal((ExecutionStatus.Failed, "OrderAlreadyProcessed"), (second.Status, second.Error));
        Assert.Equal(["ValidateOrder", "ClaimOrder"], MockedEngine.TasksEntered(second));
        Assert.Equal(new OrderEffects("ROLLED_BACK", "RELEASED", null, null, null), await cloud.Tables.EffectsAsync("o-again"));
        Assert.Equal(5, await cloud.Tables.AvailableAsync("SKU-again"));
        Assert.Empty(await cloud.Tables.ViolationsAsync());
    }

    // Task attempts of one state: the TaskScheduled events while it was the state entered last.
    private static int Scheduled(Execution execution, string state)
    {
        var current = string.Empty;
        var count = 0;
        foreach (var e in execution.History.Snapshot())
        {
            if (e.Details is StateEnteredDetails entered)
            {
                current = entered.Name;
            }
            else if (e.Type == HistoryEventType.TaskScheduled && current == state)
            {
                count++;
            }
        }

        return count;
    }
}
