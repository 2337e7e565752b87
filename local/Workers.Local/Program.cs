using Workers.Local;

return args switch
{
    ["run", .. var runArgs] => await RunCommand.RunAsync(runArgs, Console.Out, Console.Error).ConfigureAwait(false),
    ["serve", .. var serveArgs] => await ServeCommand.RunAsync(serveArgs).ConfigureAwait(false),
    [var verb, ..] => await Usage.UnknownVerbAsync(verb, Console.Error).ConfigureAwait(false),
    [] => 0,
};
