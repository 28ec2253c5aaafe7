namespace Thanhhoa.Iot.Cloud.Security;

/// <summary>Configuration section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    public SecurityMode Mode { get; set; } = SecurityMode.Enforced;

    /// <summary>
    /// PBKDF2-SHA256 iterations for new hashes of device secrets, API keys and tokens. Every one of these
    /// is a 160–256-bit random value, so stretching adds nothing against guessing; the salted hash is what
    /// protects a stolen database. Kept moderate so thousands of gateways reconnecting at once do not starve the CPU.
    /// </summary>
    public int HashIterations { get; set; } = 10_000;

    /// <summary>How long a verified API key is remembered (so a busy dashboard does not re-run PBKDF2 per request).</summary>
    public TimeSpan ApiKeyCacheLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Lifetime of an enrollment token when the request names none.</summary>
    public TimeSpan DefaultTokenLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Longest lifetime an enrollment token may be given.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Shared secret that brokers calling <c>POST /api/broker/auth</c> and <c>/api/broker/acl</c> send in the
    /// <c>X-Broker-Secret</c> header (EMQX and similar). Unset: those endpoints answer 404.
    /// </summary>
    public string? BrokerAuthSecret { get; set; }

    /// <summary>Keeps an external mosquitto's dynamic-security plugin in step with device credentials.</summary>
    public DynamicSecurityOptions DynamicSecurity { get; set; } = new();
}
