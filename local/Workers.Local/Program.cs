using Workers.Local;

return args switch
{
    [] => await UpCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false),
    ["up", .. var upArgs] => await UpCommand.RunAsync(upArgs, Console.Out, Console.Error).ConfigureAwait(false),
    [var first, ..] when first.StartsWith("--", StringComparison.Ordinal) => await UpCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false),
    ["invoke", .. var invokeArgs] => await InvokeCommand.RunAsync(invokeArgs, Console.Out, Console.Error).ConfigureAwait(false),
    ["token", .. var tokenArgs] => await TokenCommand.RunAsync(tokenArgs, Console.Out, Console.Error).ConfigureAwait(false),
    ["run", .. var runArgs] => await RunCommand.RunAsync(runArgs, Console.Out, Console.Error).ConfigureAwait(false),
    ["serve", .. var serveArgs] => await ServeCommand.RunAsync(serveArgs).ConfigureAwait(false),
    [var verb, ..] => await Usage.UnknownVerbAsync(verb, Console.Error).ConfigureAwait(false),
};
