namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>Error codes of <c>up/cmd-result</c>, as they appear on the wire.</summary>
public static class CommandErrors
{
    /// <summary>Arrived at or after its expiry; never ran.</summary>
    public const string Expired = "expired";

    /// <summary>Arrived before its notBefore time (beyond the clock tolerance); never ran.</summary>
    public const string NotYetValid = "not-yet-valid";

    /// <summary>The gateway does not know the command type.</summary>
    public const string UnknownType = "unknown-type";

    /// <summary>The payload or its arguments are not what the command type needs.</summary>
    public const string InvalidArgs = "invalid-args";

    /// <summary>A local interlock of the site profile refused it; nothing was changed.</summary>
    public const string Interlock = "interlock";

    /// <summary>Writing the output failed (driver or hardware fault).</summary>
    public const string OutputFault = "output-fault";

    /// <summary>The gateway restarted while it ran; it is not run again (at most once).</summary>
    public const string Interrupted = "interrupted";

    /// <summary>The gateway cannot do this here (e.g. no systemd).</summary>
    public const string Unavailable = "unavailable";

    /// <summary>It ran longer than Commands:ExecutionTimeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>The result did not fit into one message.</summary>
    public const string ResultTooLarge = "result-too-large";

    /// <summary>It failed for another reason; the message says which.</summary>
    public const string Error = "error";
}
