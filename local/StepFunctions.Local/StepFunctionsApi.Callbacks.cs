using System.Text.Json;

namespace StepFunctions.Local;

/// <content>SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat.</content>
public sealed partial class StepFunctionsApi
{
    private const int MaxTokenLength = 2048;

    private void SendTaskSuccess(ApiRequest request, Utf8JsonWriter writer)
    {
        var token = request.String("taskToken", 1, MaxTokenLength, required: true);
        var output = request.String("output", 0, 262144, required: true);
        request.ThrowIfInvalid();
        Engine.SendTaskSuccess(token!, output!);
    }

    private void SendTaskFailure(ApiRequest request, Utf8JsonWriter writer)
    {
        var token = request.String("taskToken", 1, MaxTokenLength, required: true);
        var error = request.String("error", 0, 256);
        var cause = request.String("cause", 0, 32768);
        request.ThrowIfInvalid();
        Engine.SendTaskFailure(token!, error, cause);
    }

    private void SendTaskHeartbeat(ApiRequest request, Utf8JsonWriter writer)
    {
        var token = request.String("taskToken", 1, MaxTokenLength, required: true);
        request.ThrowIfInvalid();
        Engine.SendTaskHeartbeat(token!);
    }
}
