using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.TestSupport.Vectors;

namespace Thanhhoa.Iot.Contracts.Tests.Codec;

/// <summary>
/// Whatever bytes arrive, a decoder either returns a valid message or throws
/// <see cref="ContractViolationException"/> — never another exception that would take ingest down.
/// </summary>
[TestFixture]
[Category("Unit")]
public sealed class DecodeFuzzTests
{
    private const int MutationsPerVector = 400;

    [TestCaseSource(typeof(GoldenVectorCases), nameof(GoldenVectorCases.Valid))]
    public void Decode_MutatedValidVector_OnlyContractViolations(GoldenVector vector)
    {
        var original = vector.ReadPayload();
        var random = new Random(vector.Name.Length * 7919);
        for (var run = 0; run < MutationsPerVector; run++)
        {
            var mutated = Mutate(original, random);
            try
            {
                VectorCodec.Decode(vector.Message, vector.ContentType, mutated);
            }
            catch (ContractViolationException)
            {
                // the expected way to refuse
            }
            catch (Exception ex)
            {
                Assert.Fail($"mutation {run} ({Convert.ToHexString(mutated)}) threw {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}
