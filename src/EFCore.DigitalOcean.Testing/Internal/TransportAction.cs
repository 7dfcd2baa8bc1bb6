namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>How the HTTP layer delivers an answer.</summary>
internal enum TransportAction
{
    /// <summary>Send it whole, with a Content-Length.</summary>
    Send,

    /// <summary>Close the connection before the status line.</summary>
    Drop,

    /// <summary>Send the headers and half of the body, then reset the connection.</summary>
    DropMidBody,
}
