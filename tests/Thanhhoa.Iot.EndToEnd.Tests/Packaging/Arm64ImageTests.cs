using System.Buffers.Binary;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Diagnostics.SelfTest;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Processes;

namespace Thanhhoa.Iot.EndToEnd.Tests.Packaging;

/// <summary>
/// The linux-arm64 image works: scripts/arm64-selftest.sh publishes it (as Dockerfile.arm64 does) and
/// runs <c>thgw selftest</c> under qemu-aarch64 with a sysroot of Debian arm64 packages. The publish
/// and the sysroot are cached under artifacts/, so only the first run on a machine pays for them.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class Arm64ImageTests
{
    private const ushort MachineAarch64 = 183; // EM_AARCH64
    private const int PrerequisiteMissing = 3; // the script's exit code when qemu or apt is missing
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    [Test]
    public async Task SelfTest_UnderQemuAarch64_PrintsVersionAndEveryCheckOk()
    {
        var script = Path.Combine(RepoPaths.Root, "scripts", "arm64-selftest.sh");
        await using var child = ChildProcess.Start("bash", [script], name: "arm64-selftest");
        await child.WaitForExitAsync(Limit);
        var code = await child.StopAsync(TimeSpan.FromSeconds(5));
        var output = child.Output.ToList();
        var text = string.Join(Environment.NewLine, output);
        if (code == PrerequisiteMissing)
        {
            ExternalTool.Unavailable($"arm64 self-test prerequisites are missing (run as root to install qemu-user and fetch the arm64 packages):\n{child.Tail(10)}");
        }

        Assert.That(code, Is.Zero, text);
        Assert.That(output, Has.Some.Match(@"^thgw \d+\.\d+\.\d+"), text);
        Assert.That(output, Has.Some.StartsWith("runtime: linux-arm64"), text);
        Assert.That(output, Has.Some.Contains("(Arm64), process Arm64"), text);
        foreach (var name in SelfTestSuite.CheckNames)
        {
            Assert.That(output, Has.One.StartsWith($"ok {name}: "), $"check {name}:\n{text}");
        }

        Assert.That(output, Has.None.StartsWith("FAIL "), text);
        Assert.That(ElfMachine(Path.Combine(RepoPaths.Root, "artifacts", "thgw-linux-arm64", "thgw")), Is.EqualTo(MachineAarch64));
    }

    /// <summary>e_machine of a 64-bit little-endian ELF file (offset 18), after checking the magic and class.</summary>
    private static ushort ElfMachine(string path)
    {
        var header = new byte[20];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        Assert.That(header[..4], Is.EqualTo(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }), $"{path} is not an ELF file");
        Assert.That(header[4], Is.EqualTo(2), "ELFCLASS64");
        Assert.That(header[5], Is.EqualTo(1), "little-endian");
        return BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(18, 2));
    }
}
