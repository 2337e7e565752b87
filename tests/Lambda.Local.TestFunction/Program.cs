using Lambda.Local.TestFunction;
using Workers.Lambda;

var json = TestFunctionJson.Default;
return await new LambdaApplication()
    .Handle("echo", TestHandlers.EchoAsync, json.JsonElement, json.JsonElement)
    .Handle("throw", TestHandlers.ThrowAsync, json.ThrowInput, json.JsonElement)
    .Handle("sleep", TestHandlers.SleepAsync, json.SleepInput, json.SleepOutput)
    .Handle("crash", TestHandlers.CrashAsync, json.CrashInput, json.SleepOutput)
    .Handle("large", TestHandlers.LargeAsync, json.LargeInput, json.String)
    .Handle("probe", TestHandlers.ProbeAsync, json.JsonElement, json.ProbeOutput)
    .Handle("inspect", TestHandlers.InspectAsync, json.JsonElement, json.InspectOutput)
    .RunAsync();
