using Spectre.Console;
using Spectre.Console.Rendering;

namespace ImagesConsole.Output;

/// <summary>
///     A line written through a Spectre console as it is: a <see cref="Text" /> would be wrapped at the console's width,
///     splitting a request log line in two when stderr goes to a file.
/// </summary>
internal sealed class LogLine(string text) : IRenderable
{
    public Measurement Measure(RenderOptions options, int maxWidth) => new(text.Length, text.Length);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => [new Segment(text), Segment.LineBreak];
}
