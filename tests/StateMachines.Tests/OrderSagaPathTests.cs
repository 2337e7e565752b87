using Asl;

namespace StateMachines.Tests;

public sealed class OrderSagaPathTests
{
    private const string Order = """
        {"orderId":"o-1","customerId":"c-1","items":[{"sku":"SKU-1","quantity":2,"unitPrice":25}],"currency":"USD","paymentToken":"tok_visa"}
        """;

    private readonly MockedEngine _engine = new();

    private Task<Execution> RunAsync(string testCase) => _engine.RunAsync(Definitions.OrderSaga, "OrderSaga", Order, testCase);

    [Fact]
    public async Task OrderSaga_HappyPath_ShipsAndMarksFulfilled()
    {
        var execution = await RunAsync("HappyPath");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(["ValidateOrder", "ClaimOrder", "ReserveInventory", "ChargePayment", "CreateShipment", "MarkFulfilled"], MockedEngine.TasksEntered(execution));
        Assert.Equal("""{"shipmentId":"ship-o-1","trackingNumber":"TRK-o-1"}""", execution.Output!["shipment"]!.ToJsonString());
        Assert.Equal("pay-o-1", execution.Output["payment"]!["paymentId"]!.GetValue<string>());
    }

    [Fact]
    public async Task OrderSaga_InvalidOrder_MarksRejectedAndFailsWithoutSideEffects()
    {
        var execution = await RunAsync("InvalidOrder");

        Assert.Equal((ExecutionStatus.Failed, "OrderRejected"), (execution.Status, execution.Error));
        Assert.Contains("items must hold at least one line", execution.Cause, StringComparison.Ordinal);
        Assert.Equal(["ValidateOrder", "MarkRejected"], MockedEngine.TasksEntered(execution));
    }

    [Fact]
    public async Task OrderSaga_OutOfStock_ReleasesAndRollsBack()
    {
        var execution = await RunAsync("OutOfStock");

        Assert.Equal((ExecutionStatus.Failed, "SagaRolledBack"), (execution.Status, execution.Error));
        Assert.Equal(["ValidateOrder", "ClaimOrder", "ReserveInventory", "ReleaseInventory", "MarkRolledBack"], MockedEngine.TasksEntered(execution));
    }

    [Fact]
    public async Task OrderSaga_PaymentDeclined_RefundsReleasesAndRollsBack()
    {
        var execution = await RunAsync("PaymentDeclined");

        Assert.Equal((ExecutionStatus.Failed, "SagaRolledBack"), (execution.Status, execution.Error));
        Assert.Equal(
            ["ValidateOrder", "ClaimOrder", "ReserveInventory", "ChargePayment", "RefundPayment", "ReleaseInventory", "MarkRolledBack"],
            MockedEngine.TasksEntered(execution));
    }

    [Fact]
    public async Task OrderSaga_HighFraudScore_PublishesForReviewAndSucceedsUnderReview()
    {
        var execution = await RunAsync("FraudReview");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(
            ["ValidateOrder", "ClaimOrder", "ReserveInventory", "ChargePayment", "PublishFraudReview", "MarkUnderReview"],
            MockedEngine.TasksEntered(execution));
        Assert.Null(execution.Output!["shipment"]);
    }

    [Fact]
    public async Task OrderSaga_AboveThresholdApproved_WaitsForApprovalThenShips()
    {
        var execution = await RunAsync("ApprovalApproved");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(
            ["ValidateOrder", "ClaimOrder", "ReserveInventory", "ChargePayment", "MarkApprovalRequired", "RequestApproval", "CreateShipment", "MarkFulfilled"],
            MockedEngine.TasksEntered(execution));
        Assert.Equal("""{"approvalId":"approval-o-1","approver":"alice"}""", execution.Output!["approval"]!.ToJsonString());
    }

    [Fact]
    public async Task OrderSaga_AboveThresholdRejected_RefundsReleasesAndRollsBack()
    {
        var execution = await RunAsync("ApprovalRejected");

        Assert.Equal((ExecutionStatus.Failed, "SagaRolledBack"), (execution.Status, execution.Error));
        Assert.Equal(
            ["ValidateOrder", "ClaimOrder", "ReserveInventory", "ChargePayment", "MarkApprovalRequired", "RequestApproval", "RefundPayment", "ReleaseInventory", "MarkRolledBack"],
            MockedEngine.TasksEntered(execution));
    }

    [Fact]
    public async Task OrderSaga_AboveThresholdExpired_RefundsReleasesAndRollsBack()
    {
        var execution = await RunAsync("ApprovalExpired");

        Assert.Equal((ExecutionStatus.Failed, "SagaRolledBack"), (execution.Status, execution.Error));
        Assert.Equal(
            ["ValidateOrder", "ClaimOrder", "ReserveInventory", "ChargePayment", "MarkApprovalRequired", "RequestApproval", "RefundPayment", "ReleaseInventory", "MarkRolledBack"],
            MockedEngine.TasksEntered(execution));
    }

    [Fact]
    public async Task OrderSaga_ShipmentFailed_CompensatesEveryStepInReverse()
    {
        var execution = await RunAsync("ShipmentFailed");

        Assert.Equal((ExecutionStatus.Failed, "SagaRolledBack"), (execution.Status, execution.Error));
        Assert.Equal(
            ["ValidateOrder", "ClaimOrder", "ReserveInventory", "ChargePayment", "CreateShipment", "CancelShipment", "RefundPayment", "ReleaseInventory", "MarkRolledBack"],
            MockedEngine.TasksEntered(execution));
    }

    [Fact]
    public async Task OrderSaga_TransientErrors_AreRetriedThenSucceed()
    {
        var execution = await RunAsync("TransientErrorsRetried");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(["ValidateOrder", "ClaimOrder", "ReserveInventory", "ChargePayment", "CreateShipment", "MarkFulfilled"], MockedEngine.TasksEntered(execution));
        Assert.Equal(9, MockedEngine.TaskAttempts(execution));
    }
}
