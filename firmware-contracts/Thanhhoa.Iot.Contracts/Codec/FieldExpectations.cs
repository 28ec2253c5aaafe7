namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>What each wire field must hold, in words a firmware author can act on.</summary>
internal static class FieldExpectations
{
    private static readonly Dictionary<string, string> ByName = new(StringComparer.Ordinal)
    {
        ["v"] = $"the integer {ContractInfo.Version}",
        ["seq"] = "an integer of 1 or more",
        ["seqFrom"] = "an integer of 1 or more (the first item's seq)",
        ["seqTo"] = "an integer of 1 or more (the last item's seq)",
        ["session"] = "an integer of 1 or more",
        ["ch"] = "a channel id string of 1-64 of a-z, 0-9, '_' or '-'",
        ["code"] = "an event code string of 1-64 of a-z, 0-9, '_' or '-'",
        ["site"] = "a site code string of 1-64 of a-z, 0-9, '_' or '-'",
        ["ts"] = "an RFC 3339 timestamp string with offset, e.g. \"2026-11-26T04:00:00.000Z\"",
        ["val"] = "a finite JSON number",
        ["q"] = "one of \"good\", \"uncertain\", \"bad\"",
        ["action"] = "one of \"raise\", \"clear\", \"info\"",
        ["severity"] = "one of \"info\", \"warning\", \"major\", \"critical\"",
        ["state"] = "one of \"online\", \"offline\" (state) or \"downloading\", \"downloaded\", \"installing\", \"restarting\", \"committed\", \"rolled-back\", \"failed\", \"refused\" (firmware-reported)",
        ["msg"] = "a string",
        ["fw"] = "a string",
        ["reason"] = "a string",
        ["readings"] = "an array of reading objects",
        ["events"] = "an array of event objects",
        ["values"] = "an object of channel id to finite number",
        ["id"] = "a command id string of 1-64 of a-z, 0-9, '_' or '-'",
        ["type"] = "a command type string of 1-64 of a-z, 0-9, '_' or '-'",
        ["args"] = "a JSON object",
        ["result"] = "a JSON object",
        ["notBefore"] = "an RFC 3339 timestamp string with offset, e.g. \"2026-11-26T04:00:00.000Z\"",
        ["expires"] = "an RFC 3339 timestamp string with offset, e.g. \"2026-11-26T05:00:00.000Z\"",
        ["status"] = "one of \"succeeded\", \"failed\", \"expired\" (cmd-result) or \"applied\", \"refused\" (config-reported)",
        ["error"] = "an error code string of 1-64 of a-z, 0-9, '_' or '-'",
        ["version"] = "an integer of 1 or more (the configuration revision) or, in down/firmware, a semantic version string such as \"1.4.2\"",
        ["rolloutId"] = "a rollout id string of 1-64 of a-z, 0-9, '_' or '-'",
        ["url"] = "an absolute http or https URL string",
        ["size"] = "an integer of 1 or more (bytes)",
        ["sha256"] = "a string of 64 lower-case hex digits",
        ["downgrade"] = "true or false",
        ["running"] = "a semantic version string such as \"1.4.1\"",
        ["target"] = "a semantic version string such as \"1.4.2\"",
        ["bytes"] = "an integer of 0 or more",
        ["total"] = "an integer of 0 or more",
        ["appliedVersion"] = "an integer of 1 or more (the revision in force)",
        ["settings"] = "a settings object ({} for none)",
        ["uploadSeconds"] = "an integer of 0 to 86400",
        ["channels"] = "an object of channel id to channel settings",
        ["enabled"] = "true or false",
        ["pollSeconds"] = "an integer of 1 to 86400",
        ["alarms"] = "an object of alarm code to thresholds",
        ["raise"] = "a finite JSON number",
        ["clear"] = "a finite JSON number",
        ["field"] = "a string (a JSON path)",
    };

    /// <summary>Expectation for a field by its name.</summary>
    public static string For(string name) =>
        ByName.TryGetValue(name, out var text) ? text : "the type the JSON Schema gives";

    /// <summary>Expectation for the field a JSON path such as <c>$.readings[3].val</c> points at.</summary>
    public static string ForPath(string path)
    {
        if (path == "$")
        {
            return "a JSON object";
        }

        var dot = path.LastIndexOf('.');
        if (dot < 0)
        {
            return For(string.Empty);
        }

        var last = path[(dot + 1)..];
        if (last.EndsWith(']'))
        {
            // An array item: "readings[3]" holds a reading object.
            var name = last[..last.IndexOf('[', StringComparison.Ordinal)];
            return name switch
            {
                "readings" => "a reading object",
                "events" => "an event object",
                _ => "an object",
            };
        }

        // Keys of an event's "values" map are channel ids; their values are numbers.
        return path[..dot].EndsWith(".values", StringComparison.Ordinal) ? For("val") : For(last);
    }
}
