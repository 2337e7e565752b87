namespace Workers.StepFunctions;

/// <summary>The <c>{}</c> that SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat answer.</summary>
internal sealed record EmptyResponse;
