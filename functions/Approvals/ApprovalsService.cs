using Amazon.DynamoDBv2;
using Workers.Idempotency;
using Workers.Lambda;
using Workers.StepFunctions;

namespace Approvals;

/// <summary>
/// The approvals handlers over their clients, built once per process. <see cref="Register"/> names them:
/// RecordApprovalRequest (SQS), GetApprovals and DecideApproval (HTTP API).
/// </summary>
public sealed class ApprovalsService
{
    /// <summary>Builds every handler.</summary>
    public ApprovalsService(IAmazonDynamoDB dynamoDb, StepFunctionsClient stepFunctions, ApprovalsSettings settings, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clock = timeProvider ?? TimeProvider.System;
        var approvals = new ApprovalTable(dynamoDb, settings.ApprovalsTable);
        RecordApprovalRequest = new RecordApprovalRequestHandler(approvals, new IdempotencyOptions
        {
            Store = new DynamoDBPersistenceStore(dynamoDb, new DynamoDBPersistenceStoreOptions { TableName = settings.IdempotencyTable }),
            JsonContext = ApprovalsJson.Default,
            TimeProvider = clock,
        });
        GetApprovals = new GetApprovalsHandler(approvals);
        DecideApproval = new DecideApprovalHandler(approvals, stepFunctions, clock);
    }

    /// <summary>The approval queue's consumer.</summary>
    public RecordApprovalRequestHandler RecordApprovalRequest { get; }

    /// <summary>GET /approvals and GET /approvals/{approvalId}.</summary>
    public GetApprovalsHandler GetApprovals { get; }

    /// <summary>POST /approvals/{approvalId}/approve|reject.</summary>
    public DecideApprovalHandler DecideApproval { get; }

    /// <summary>Registers every handler under its name for <c>WORKERS_HANDLER</c>.</summary>
    public LambdaApplication Register(LambdaApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var json = LambdaEventsJson.Default;
        return application
            .Handle("RecordApprovalRequest", RecordApprovalRequest.HandleAsync, json.SQSEvent, json.SQSBatchResponse)
            .Handle("GetApprovals", GetApprovals.HandleAsync, json.APIGatewayHttpApiV2ProxyRequest, json.APIGatewayHttpApiV2ProxyResponse)
            .Handle("DecideApproval", DecideApproval.HandleAsync, json.APIGatewayHttpApiV2ProxyRequest, json.APIGatewayHttpApiV2ProxyResponse);
    }
}
