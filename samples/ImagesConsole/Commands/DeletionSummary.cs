using ImagesConsole.Deletion;
using ImagesConsole.Output;

namespace ImagesConsole.Commands;

/// <summary>How <c>delete</c> and <c>cleanup</c> report a <see cref="DeletionReport" />.</summary>
internal static class DeletionSummary
{
    /// <summary>Tells on stderr what was deleted and what failed, and returns the exit code: a failure if anything is left.</summary>
    public static int Report(CommandContext context, DeletionReport report)
    {
        if (report.Deleted.Count > 0)
        {
            context.Inform($"Deleted {Images(report.Deleted.Count)}: {string.Join(", ", report.Deleted.Select(i => i.Id))}.");
        }

        foreach (var failure in report.Failed)
        {
            context.WriteError($"could not delete image {failure.Image.Id}: {failure.Error}");
        }

        return report.Failed.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    public static IReadOnlyList<long> DeletedIds(DeletionReport report) => [.. report.Deleted.Select(i => i.Id)];

    public static IReadOnlyList<FailureOutput> Failures(DeletionReport report)
        => [.. report.Failed.Select(f => new FailureOutput(f.Image.Id, f.Error))];

    public static string Images(int count) => count == 1 ? "1 image" : $"{count} images";
}
