using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Artifacts;
using Thanhhoa.Iot.Cloud.Rollouts;
using Thanhhoa.Iot.Cloud.Tests.Commands;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.Cloud.Tests.Rollouts;
using Thanhhoa.Iot.Contracts.Firmware;

namespace Thanhhoa.Iot.Cloud.Tests.Artifacts;

/// <summary>Upload verification against the trusted keys, metadata, and resumable Range downloads.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ArtifactsApiTests
{
    private RolloutCloud _cloud = null!;

    [SetUp]
    public async Task SetUp() => _cloud = await RolloutCloud.StartAsync("cloud-artifacts");

    [TearDown]
    public async Task TearDown() => await _cloud.DisposeAsync();

    [Test]
    public async Task Upload_SignedByTrustedKey_StoredWithManifestMetadataAndListed()
    {
        var path = _cloud.Bundle("1.4.2");
        var (status, body) = await _cloud.UploadRawAsync(path, "canary build");
        var artifact = JsonSerializer.Deserialize<Artifact>(body, CloudHost.Json)!;
        var list = await _cloud.Cloud.GetJsonAsync<List<Artifact>>("/api/artifacts");
        var (again, _) = await _cloud.UploadRawAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(201), body);
            Assert.That((artifact.Version, artifact.Hardware, artifact.Notes), Is.EqualTo(("1.4.2", "rpi4", "canary build")));
            Assert.That((artifact.Size, artifact.Sha256), Is.EqualTo((new FileInfo(path).Length, Sha256(File.ReadAllBytes(path)))));
            Assert.That(artifact.UploadedBy, Does.Contain("bootstrap").Or.Contain("key:"));
            Assert.That(list.Select(a => a.Id), Is.EqualTo(new[] { artifact.Id }));
            Assert.That(again, Is.EqualTo(200), "the same bytes again: the existing artifact");
        });
    }

    [Test]
    public async Task Upload_Unsigned_RefusedWithProblemAndNothingStored()
    {
        var signed = _cloud.Bundle("1.4.2");
        var unsigned = _cloud.Dir.File("unsigned.thb");
        await using (var source = File.OpenRead(signed))
        await using (var target = File.Create(unsigned))
        {
            await StripSignatureAsync(source, target);
        }

        await AssertRefusedAsync(unsigned, "manifest.sig");
    }

    [Test]
    public async Task Upload_Tampered_RefusedWithProblemAndNothingStored()
    {
        var path = _cloud.Bundle("1.4.2", payloadBytes: 64 * 1024);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^2048] ^= 0xFF; // inside payload.tar.gz, after the signed manifest
        await File.WriteAllBytesAsync(path, bytes);

        await AssertRefusedAsync(path, "payload");
    }

    [Test]
    public async Task Upload_SignedByUntrustedKey_RefusedNamingTheTrustedKeys()
    {
        await AssertRefusedAsync(_cloud.Bundle("1.4.2", key: BundleKeyPair.Generate()), "trusted key");
    }

    [Test]
    public async Task Content_RangeFromN_ResumesAndTheJoinedBytesHaveTheArtifactsHash()
    {
        var artifact = await _cloud.UploadAsync("1.4.2", payloadBytes: 256 * 1024);
        var uri = new Uri($"/api/artifacts/{artifact.Id}/content", UriKind.Relative);
        var cut = artifact.Size / 3;

        using var first = new HttpRequestMessage(HttpMethod.Get, uri);
        first.Headers.Range = new RangeHeaderValue(0, cut - 1);
        using var head = await _cloud.Cloud.Http.SendAsync(first);
        var part1 = await head.Content.ReadAsByteArrayAsync();

        using var resume = new HttpRequestMessage(HttpMethod.Get, uri);
        resume.Headers.Range = new RangeHeaderValue(cut, null);
        resume.Headers.IfRange = new RangeConditionHeaderValue(head.Headers.ETag!);
        using var tail = await _cloud.Cloud.Http.SendAsync(resume);
        var part2 = await tail.Content.ReadAsByteArrayAsync();

        using var stale = new HttpRequestMessage(HttpMethod.Get, uri);
        stale.Headers.Range = new RangeHeaderValue(cut, null);
        stale.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"another-build\""));
        using var whole = await _cloud.Cloud.Http.SendAsync(stale);

        Assert.Multiple(() =>
        {
            Assert.That((head.StatusCode, tail.StatusCode), Is.EqualTo((HttpStatusCode.PartialContent, HttpStatusCode.PartialContent)));
            Assert.That(head.Headers.ETag!.Tag, Is.EqualTo($"\"{artifact.Sha256}\""));
            Assert.That(tail.Content.Headers.ContentRange!.ToString(), Is.EqualTo($"bytes {cut}-{artifact.Size - 1}/{artifact.Size}"));
            Assert.That((long)part1.Length + part2.Length, Is.EqualTo(artifact.Size));
            Assert.That(Sha256([.. part1, .. part2]), Is.EqualTo(artifact.Sha256));
            Assert.That((whole.StatusCode, whole.Content.Headers.ContentLength), Is.EqualTo((HttpStatusCode.OK, (long?)artifact.Size)), "If-Range of another build: the whole file");
        });
    }

    [Test]
    public async Task Content_EnforcedMode_OnlyAnActiveRolloutsTokenOpensItsArtifactWithoutAKey()
    {
        await _cloud.DisposeAsync();
        _cloud = await RolloutCloud.StartAsync("cloud-artifacts-enforced", "--Security:Mode=Enforced");
        var artifact = await _cloud.UploadAsync("1.4.2");
        var other = await _cloud.UploadAsync("1.4.3");
        var rollout = await _cloud.CreateAsync(new { kind = "firmware", artifactId = artifact.Id, target = new { deviceIds = new[] { "gw-never-seen" } } });
        var token = await _cloud.Cloud.Services.GetRequiredService<IRolloutStore>().DownloadTokenAsync(rollout.Rollout.Id, CancellationToken.None);
        using var gateway = new HttpClient { BaseAddress = _cloud.Cloud.BaseAddress };

        async Task<HttpStatusCode> GetAsync(string id, string? t)
        {
            using var response = await gateway.GetAsync(new Uri($"/api/artifacts/{id}/content" + (t is null ? string.Empty : $"?token={t}"), UriKind.Relative));
            return response.StatusCode;
        }

        var withToken = await GetAsync(artifact.Id, token);
        var otherArtifact = await GetAsync(other.Id, token);
        var guessed = await GetAsync(artifact.Id, "guessed");
        var none = await GetAsync(artifact.Id, null);
        await _cloud.Cloud.PostAsync<RolloutView>($"/api/rollouts/{rollout.Rollout.Id}/cancel", new { });
        var afterCancel = await GetAsync(artifact.Id, token);

        Assert.Multiple(() =>
        {
            Assert.That(withToken, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(otherArtifact, Is.EqualTo(HttpStatusCode.Unauthorized), "a token opens its own rollout's artifact only");
            Assert.That((guessed, none), Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)));
            Assert.That(afterCancel, Is.EqualTo(HttpStatusCode.Unauthorized), "a cancelled rollout's token is dead");
        });
    }

    private async Task AssertRefusedAsync(string path, string reasonMentions)
    {
        var (status, body) = await _cloud.UploadRawAsync(path);
        var list = await _cloud.Cloud.GetJsonAsync<List<Artifact>>("/api/artifacts");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(422), body);
            Assert.That(body, Does.Contain("application/problem+json").Or.Contain("\"detail\""));
            Assert.That(body, Does.Contain(reasonMentions));
            Assert.That(list, Is.Empty);
            Assert.That(Directory.GetFiles(_cloud.Dir.File("cloud/artifacts"), "*", SearchOption.AllDirectories), Is.Empty, "nothing kept on disk");
        });
    }

    private static async Task StripSignatureAsync(Stream source, Stream target)
    {
        await using var reader = new System.Formats.Tar.TarReader(source);
        await using var writer = new System.Formats.Tar.TarWriter(target, System.Formats.Tar.TarEntryFormat.Pax, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: true) is { } entry)
        {
            if (entry.Name != BundleFormat.SignatureEntry)
            {
                await writer.WriteEntryAsync(entry);
            }
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
