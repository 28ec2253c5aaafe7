namespace Thanhhoa.Iot.Cloud.Security.Secrets;

/// <summary>
/// A bearer secret shaped <c>{prefix}_{id}_{secret}</c>: the id finds the stored hash in one lookup,
/// the secret part is what is hashed, and the prefix (thk = API key, thet = enrollment token) lets
/// secret scanners and people recognise a leaked one.
/// </summary>
public sealed record PrefixedSecret(string Prefix, string Id, string Secret)
{
    public const int IdLength = 12;
    public const int SecretLength = 32; // 160 bits

    public static PrefixedSecret New(string prefix) => new(prefix, RandomSecrets.Base32(IdLength), RandomSecrets.Base32(SecretLength));

    public string Text => $"{Prefix}_{Id}_{Secret}";

    public static bool TryParse(string? text, string prefix, out PrefixedSecret parsed)
    {
        parsed = null!;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var parts = text.Trim().Split('_');
        if (parts.Length != 3 || parts[0] != prefix || parts[1].Length != IdLength || parts[2].Length != SecretLength
            || !IsBase32(parts[1]) || !IsBase32(parts[2]))
        {
            return false;
        }

        parsed = new PrefixedSecret(prefix, parts[1], parts[2]);
        return true;
    }

    // Never print the secret (records print every property by default).
    public override string ToString() => $"{Prefix}_{Id}_***";

    private static bool IsBase32(string s) => s.All(c => c is >= 'a' and <= 'z' or >= '2' and <= '7');
}
