namespace EFCore.DigitalOcean;

/// <summary>The values of <see cref="Image.Distribution" /> the API accepts; any other value is stored as <see cref="Unknown" />.</summary>
public static class ImageDistributions
{
#pragma warning disable CS1591 // The names are the values.
    public const string ArchLinux = "Arch Linux";
    public const string CentOS = "CentOS";
    public const string CoreOS = "CoreOS";
    public const string Debian = "Debian";
    public const string Fedora = "Fedora";
    public const string FedoraAtomic = "Fedora Atomic";
    public const string FreeBSD = "FreeBSD";
    public const string Gentoo = "Gentoo";
    public const string OpenSUSE = "openSUSE";
    public const string RancherOS = "RancherOS";
    public const string RockyLinux = "Rocky Linux";
    public const string Ubuntu = "Ubuntu";
    public const string Unknown = "Unknown";
#pragma warning restore CS1591
}
