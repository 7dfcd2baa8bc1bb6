namespace ImagesConsole;

/// <summary>The process exit codes the commands return.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran but did not do what was asked: not found, refused, a failed import or deletion, an API error.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong (a bad value, a missing argument): nothing was sent. The convention of sysexits-era tools.</summary>
    public const int Usage = 2;

    /// <summary>The user pressed Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
