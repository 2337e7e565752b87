using Workers.Local;

return args is ["serve", .. var serveArgs] ? await ServeCommand.RunAsync(serveArgs) : 0;
