using System.Text.Json;
using Orders.Api;
using Workers.Lambda;
using Workers.StepFunctions;

namespace Approvals;

/// <summary>
/// <c>POST /approvals/{approvalId}/approve</c> and <c>/reject</c> (body <c>{"reason"}</c>, required to reject),
/// behind the JWT authorizer; the approver is the token's <c>sub</c> claim. The decision is one conditional
/// PENDING → APPROVED|REJECTED write before SendTaskSuccess / SendTaskFailure (error ApprovalRejectedException), so
/// double clicks and racing approvers decide once: 404 unknown, 409 already decided. When Step Functions answers that
/// the task already timed out, the approval is marked EXPIRED and the answer is 409.
/// </summary>
public sealed class DecideApprovalHandler(ApprovalTable approvals, StepFunctionsClient stepFunctions, TimeProvider timeProvider)
{
    /// <summary>Longest reason accepted.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Handles one request.</summary>
    public async Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestContext?.Authorizer?.Jwt?.Claims?.TryGetValue("sub", out var approver) != true || string.IsNullOrWhiteSpace(approver))
        {
            return HttpResults.Problem(401, HttpResults.InvalidRequestType, "No approver", "the request carries no authenticated approver (sub claim)");
        }

        if (request.PathParameters?.TryGetValue("approvalId", out var approvalId) != true || string.IsNullOrWhiteSpace(approvalId))
        {
            return HttpResults.Invalid("approvalId", "approvalId is required");
        }

        var path = request.RawPath ?? request.RouteKey ?? string.Empty;
        var status = path.EndsWith("/approve", StringComparison.Ordinal) ? ApprovalTable.Approved
            : path.EndsWith("/reject", StringComparison.Ordinal) ? ApprovalTable.Rejected
            : null;
        if (status is null)
        {
            return HttpResults.Problem(404, HttpResults.NotFoundType, "No such route", $"{path} is neither approve nor reject");
        }

        string? reason;
        try
        {
            reason = ReadReason(request, required: status == ApprovalTable.Rejected);
        }
        catch (ArgumentException e)
        {
            return HttpResults.Invalid(e.ParamName ?? "reason", e.Message.Split(" (Parameter", 2)[0]);
        }

        var (result, token) = await approvals.DecideAsync(approvalId, status, approver, reason, timeProvider.GetUtcNow(), CancellationToken.None);
        switch (result)
        {
            case ApprovalTable.DecideResult.NotFound:
                return HttpResults.Problem(404, HttpResults.NotFoundType, "No such approval", $"approval {approvalId} does not exist", "approvalId");
            case ApprovalTable.DecideResult.AlreadyDecided:
                return HttpResults.Problem(409, HttpResults.ConflictType, "Already decided", $"approval {approvalId} was already decided");
            case ApprovalTable.DecideResult.NotReady:
                return HttpResults.Problem(409, HttpResults.ConflictType, "Not ready", $"approval {approvalId} is still being delivered; try again shortly");
        }

        try
        {
            await AnswerWorkflowAsync(approvalId, status, approver, reason, token!);
        }
        catch (Exception e) when (e is TaskTimedOutException or TaskDoesNotExistException or InvalidTokenException)
        {
            await approvals.ExpireAsync(approvalId, CancellationToken.None);
            return HttpResults.Problem(409, HttpResults.ConflictType, "Expired", $"approval {approvalId} expired before the decision arrived");
        }

        var decided = await approvals.FindAsync(approvalId, CancellationToken.None);
        return HttpResults.Json(200, decided!, ApprovalsJson.Default.ApprovalView);
    }

    private Task AnswerWorkflowAsync(string approvalId, string status, string approver, string? reason, string token) =>
        status == ApprovalTable.Approved
            ? stepFunctions.SendTaskSuccessAsync(new SendTaskSuccessRequest
            {
                TaskToken = token,
                Output = JsonSerializer.Serialize(new DecisionOutput(approvalId, status, approver), ApprovalsJson.Default.DecisionOutput),
            })
            : stepFunctions.SendTaskFailureAsync(new SendTaskFailureRequest
            {
                TaskToken = token,
                Error = nameof(Workers.Domain.ApprovalRejectedException),
                Cause = $"Rejected by {approver}: {reason}",
            });

    private static string? ReadReason(APIGatewayHttpApiV2ProxyRequest request, bool required)
    {
        var body = HttpResults.BodyText(request);
        DecisionRequest? decision;
        try
        {
            decision = body is null ? null : JsonSerializer.Deserialize(body, ApprovalsJson.Default.DecisionRequest);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"the body must be {{\"reason\": \"…\"}}: {e.Message.Split('\n', 2)[0]}", "reason", e);
        }

        var reason = decision?.Reason?.Trim();
        if (required && string.IsNullOrEmpty(reason))
        {
            throw new ArgumentException("reason is required to reject", "reason");
        }

        if (reason?.Length > MaxReasonLength)
        {
            throw new ArgumentException($"reason must be at most {MaxReasonLength} characters", "reason");
        }

        return string.IsNullOrEmpty(reason) ? null : reason;
    }
}
