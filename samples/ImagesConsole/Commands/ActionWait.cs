using EFCore.DigitalOcean;
using ImagesConsole.Output;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace ImagesConsole.Commands;

/// <summary>
///     What <c>transfer --wait</c> and <c>convert --wait</c> share: one progress row per action the save started, kept current
///     (with the provider's throttling and retry notices) while <c>WaitUntilAvailableAsync</c> polls them, and the wait's end
///     in the tool's words.
/// </summary>
internal static class ActionWait
{
    /// <param name="context">The invocation.</param>
    /// <param name="db">The context whose SaveChanges started the actions.</param>
    /// <param name="image">The image.</param>
    /// <param name="actions">What each started action does, one progress row each: <c>Transfer to sfo3</c>. None: nothing to wait for.</param>
    /// <param name="timeout">How long the wait may take (<c>--timeout</c>).</param>
    /// <param name="cancellationToken">Ctrl+C: the actions go on at DigitalOcean; the command says so.</param>
    public static async Task<int> RunAsync(
        CommandContext context, ImagesContext db, Image image, IReadOnlyList<string> actions, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        if (actions.Count == 0)
        {
            return ExitCodes.Success;
        }

        try
        {
            await context.Environment.ErrorConsole.Progress().StartAsync(async progress =>
            {
                var rows = actions.Select(action => (Action: action, Task: progress.AddTask(ActivityDisplay.Text(action, context.Activity), maxValue: 1))).ToList();
                await ActivityDisplay.WhileRunning(
                    db.Images.WaitUntilAvailableAsync(image, timeout, cancellationToken),
                    () => rows.ForEach(row => row.Task.Description = ActivityDisplay.Text(row.Action, context.Activity)));
                rows.ForEach(row => row.Task.Increment(1));
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Inform($"Cancelled while waiting: the actions on image {image.Id} go on at DigitalOcean; 'actions {image.Id}' follows them.");
            return ExitCodes.Cancelled;
        }
        catch (DigitalOceanActionFailedException failed)
        {
            return context.Fail(
                $"action {failed.ActionId} on image {image.Id} ({Describe(failed.ActionType, failed.RegionSlug)}) ended as {failed.Status}");
        }
        catch (TimeoutException)
        {
            return context.Fail(
                $"the actions on image {image.Id} had not completed within {DurationArgument.Format(timeout)}; they go on at DigitalOcean: "
                + $"'actions {image.Id}' follows them");
        }

        foreach (var action in actions)
        {
            context.Inform($"{action}: completed.");
        }

        return ExitCodes.Success;
    }

    /// <summary>What an action does, as its progress row says it: <c>Transfer to sfo3</c>, <c>Convert to a snapshot</c>.</summary>
    public static string Describe(string type, string? region)
        => type == ImageActionTypes.Transfer ? $"Transfer to {region}" : "Convert to a snapshot";
}
