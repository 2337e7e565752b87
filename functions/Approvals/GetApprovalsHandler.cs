using Orders.Api;
using Workers.Lambda;

namespace Approvals;

/// <summary>
/// <c>GET /approvals?status=PENDING</c> (the list; status defaults to PENDING) and <c>GET /approvals/{approvalId}</c>
/// (one approval, 404 when unknown), behind the JWT authorizer. Responses never carry the task token.
/// </summary>
public sealed class GetApprovalsHandler(ApprovalTable approvals)
{
    /// <summary>Most approvals one list answer holds.</summary>
    public const int MaxListed = 100;

    /// <summary>Handles one request.</summary>
    public async Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PathParameters?.TryGetValue("approvalId", out var approvalId) == true)
        {
            var approval = await approvals.FindAsync(approvalId, CancellationToken.None);
            return approval is null
                ? HttpResults.Problem(404, HttpResults.NotFoundType, "No such approval", $"approval {approvalId} does not exist", "approvalId")
                : HttpResults.Json(200, approval, ApprovalsJson.Default.ApprovalView);
        }

        var status = request.QueryStringParameters?.TryGetValue("status", out var given) == true ? given : ApprovalTable.Pending;
        if (!ApprovalTable.Statuses.Contains(status))
        {
            return HttpResults.Invalid("status", $"status must be one of {string.Join(", ", ApprovalTable.Statuses)}");
        }

        var items = await approvals.ListAsync(status, MaxListed, CancellationToken.None);
        return HttpResults.Json(200, new ApprovalList(items), ApprovalsJson.Default.ApprovalList);
    }
}
