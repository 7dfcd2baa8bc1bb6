using System.CommandLine;
using EFCore.DigitalOcean;

namespace ImagesConsole.Commands;

/// <summary><c>--type</c>: the image's <c>type</c> attribute, checked on each row (the API has no parameter for it).</summary>
internal static class TypeOption
{
    public static Option<string?> Create(string description)
    {
        var option = new Option<string?>("--type") { Description = description };
        option.AcceptOnlyFromAmong(ImageTypes.Snapshot, ImageTypes.Backup, ImageTypes.Custom, ImageTypes.Base);
        return option;
    }
}
