using ImagesConsole;

return await ImagesApp.RunAsync(args, AppEnvironment.FromProcess());
