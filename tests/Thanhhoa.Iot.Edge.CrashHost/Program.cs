using System.Globalization;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;

// Usage: Thanhhoa.Iot.Edge.CrashHost <data-directory> [max-appends]
// Prints "open <last-sequence>", then one line per sequence number, each only after its append
// completed (i.e. after the fsync), flushed at once. The parent test kills it with SIGKILL.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Thanhhoa.Iot.Edge.CrashHost <data-directory> [max-appends]");
    return 2;
}

var maxAppends = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
using var outbox = LiteDbOutbox.Open(new OutboxOptions { DataDirectory = args[0] });
var stdout = Console.Out;
stdout.WriteLine($"open {outbox.GetStatus().LastSequence}");
stdout.Flush();

var random = new Random();
var at = DateTimeOffset.UnixEpoch;
for (var i = 0; i < maxAppends; i++)
{
    var batch = Enumerable.Range(0, random.Next(1, 20))
        .Select(n => new SensorReading("battery_v", at.AddMilliseconds(i * 100 + n), 48 + n, Quality.Good))
        .ToArray();
    var seqs = await outbox.AppendReadingsAsync(batch, CancellationToken.None);
    stdout.Write(string.Join('\n', seqs) + "\n");
    stdout.Flush();
}

return 0;
