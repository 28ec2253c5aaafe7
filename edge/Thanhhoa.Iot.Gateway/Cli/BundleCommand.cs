using System.CommandLine;
using System.Security.Cryptography;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Firmware;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>
/// <c>thgw bundle keygen --out key.pem</c> and <c>thgw bundle create --from DIR --version V --hardware H
/// --key key.pem [--min-from V] [--notes TEXT] [--downgrade] --out file.thb</c>: make the signing key and
/// signed firmware bundles (format: docs/contract.md, "Firmware bundle"). Runs on a build machine, not a gateway.
/// </summary>
internal static class BundleCommand
{
    public static Command Create() => new("bundle", "Make firmware bundles for remote rollout: a signing key, and signed .thb files from a publish folder.")
    {
        Keygen(),
        CreateBundle(),
    };

    private static Command Keygen()
    {
        var output = new Option<string>("--out") { Description = "Private key file to write (PEM); the public key goes beside it as NAME.pub.pem.", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite existing key files." };
        var command = new Command("keygen", "Create an ECDSA P-256 signing key pair. Keep the private key off gateways; give the .pub.pem to gateways (Firmware:TrustedKeys) and the cloud.") { output, force };
        command.SetAction(parse => WriteKeys(Path.GetFullPath(parse.GetValue(output)!), parse.GetValue(force)));
        return command;
    }

    private static Command CreateBundle()
    {
        var from = new Option<string>("--from") { Description = "The publish folder (dotnet publish output).", Required = true };
        var version = new Option<string>("--version") { Description = "Semantic version of this firmware, e.g. 1.4.2.", Required = true };
        var hardware = new Option<string>("--hardware") { Description = "Hardware id it runs on, e.g. rpi-arm64.", Required = true };
        var key = new Option<string>("--key") { Description = "Private key PEM written by 'thgw bundle keygen'.", Required = true };
        var minFrom = new Option<string?>("--min-from") { Description = "Oldest running version that may install it." };
        var notes = new Option<string?>("--notes") { Description = "Release notes." };
        var downgrade = new Option<bool>("--downgrade") { Description = "Sign it as an allowed downgrade (gateways still need a rollout with downgrade: true)." };
        var output = new Option<string>("--out") { Description = "Bundle file to write, e.g. thgw-1.4.2.thb.", Required = true };
        version.Validators.Add(r => CheckVersion(r, "--version"));
        minFrom.Validators.Add(r => CheckVersion(r, "--min-from"));
        hardware.Validators.Add(r =>
        {
            if (!ContractInfo.IsValidId(r.GetValueOrDefault<string>()))
            {
                r.AddError($"--hardware '{r.GetValueOrDefault<string>()}' is not a hardware id: use 1-{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-', e.g. rpi-arm64.");
            }
        });
        var command = new Command("create", "Pack and sign a publish folder into a firmware bundle (.thb).") { from, version, hardware, key, minFrom, notes, downgrade, output };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Build(new BundleCreateArguments(
            parse.GetValue(from)!, parse.GetValue(version)!, parse.GetValue(hardware)!, parse.GetValue(key)!,
            parse.GetValue(minFrom), parse.GetValue(notes), parse.GetValue(downgrade), parse.GetValue(output)!), cancellationToken)));
        return command;
    }

    private static void CheckVersion(System.CommandLine.Parsing.OptionResult result, string name)
    {
        if (result.GetValueOrDefault<string?>() is { } text && !SemanticVersion.TryParse(text, out _))
        {
            result.AddError($"{name} '{text}' is not a semantic version; use MAJOR.MINOR.PATCH such as 1.4.2.");
        }
    }

    private static int WriteKeys(string privatePath, bool force)
    {
        var publicPath = PublicPathOf(privatePath);
        if (!force && (File.Exists(privatePath) || File.Exists(publicPath)))
        {
            Console.Error.WriteLine($"thgw: '{(File.Exists(privatePath) ? privatePath : publicPath)}' exists; refusing to replace a signing key. Choose another --out or pass --force.");
            return ExitCodes.Failure;
        }

        try
        {
            var pair = BundleKeyPair.Generate();
            WriteOwnerOnly(privatePath, pair.PrivateKeyPem);
            File.WriteAllText(publicPath, pair.PublicKeyPem);
            Console.WriteLine($"private key: {privatePath} (owner read/write only; keep it off gateways and out of git)");
            Console.WriteLine($"public key:  {publicPath} (give to gateways as Firmware:TrustedKeys and to the cloud)");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"thgw: cannot write the key to '{privatePath}': {ex.Message}. Check the folder exists and is writable.");
            return ExitCodes.Failure;
        }
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Created 0600, so the key is never readable by others, not even for a moment.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // --force over an existing, wider file
        }
    }

    private static int Build(BundleCreateArguments a, CancellationToken cancellationToken)
    {
        string keyPem;
        try
        {
            keyPem = File.ReadAllText(a.Key);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"thgw: cannot read the key '{a.Key}': {ex.Message}. Create one with 'thgw bundle keygen --out {a.Key}'.");
            return ExitCodes.Failure;
        }

        var request = new BundleWriteRequest
        {
            SourceDirectory = a.From, Version = a.Version, Hardware = a.Hardware, PrivateKeyPem = keyPem, OutputPath = a.Output,
            CreatedAt = TimeProvider.System.GetUtcNow(), MinFromVersion = a.MinFrom, ReleaseNotes = a.Notes, Downgrade = a.Downgrade,
        };
        try
        {
            var manifest = BundleWriter.Create(request, new ConsoleProgress(), cancellationToken);
            Console.WriteLine();
            Console.WriteLine($"bundle: {Path.GetFullPath(a.Output)} ({new FileInfo(a.Output).Length} bytes)");
            Console.WriteLine($"  version {manifest.Version} for {manifest.Hardware}{(manifest.MinFromVersion is { } m ? $", from {m} or newer" : string.Empty)}{(manifest.Downgrade ? ", signed as a downgrade" : string.Empty)}");
            Console.WriteLine($"  payload {manifest.Size} bytes, sha256 {manifest.Sha256}");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or CryptographicException)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"thgw: bundle not created: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    private static string PublicPathOf(string privatePath) =>
        Path.Combine(Path.GetDirectoryName(privatePath)!, Path.GetFileNameWithoutExtension(privatePath) + ".pub.pem");

    private sealed record BundleCreateArguments(string From, string Version, string Hardware, string Key, string? MinFrom, string? Notes, bool Downgrade, string Output);

    /// <summary>One status line, rewritten in place on a terminal; every 10 % otherwise.</summary>
    private sealed class ConsoleProgress : IProgress<BundleWriteProgress>
    {
        private int _lastTenth = -1;

        public void Report(BundleWriteProgress value)
        {
            var percent = value.Total == 0 ? 100 : (int)(value.Done * 100 / value.Total);
            if (!Console.IsOutputRedirected)
            {
                Console.Write($"\rpacking {percent,3}% {value.Done}/{value.Total} bytes");
                return;
            }

            if (percent / 10 != _lastTenth)
            {
                _lastTenth = percent / 10;
                Console.WriteLine($"packing {percent}% ({value.Done}/{value.Total} bytes)");
            }
        }
    }
}
