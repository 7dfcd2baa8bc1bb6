using System.Net;
using EFCore.DigitalOcean.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Fake;

/// <summary>
///     The fake's image account transfers over raw HTTP: to an email they stay pending until accepted, declined or
///     cancelled; to a team the fake knows they are accepted at once and the image leaves the catalogue; only snapshots go.
/// </summary>
public class AccountTransferApiTests
{
    private const long Snapshot = 11;
    private const long Backup = 12;
    private const long Custom = 13;
    private static readonly Guid OtherTeam = new("4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf");

    [Fact]
    public async Task A_transfer_to_an_email_answers_201_with_a_transfer_id_and_stays_pending_with_the_image_still_here()
    {
        using var fake = Start();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.PostAsync(client, $"v2/images/{Snapshot}/account_transfer", """{"recipient_email":"alice@example.com"}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal(["transfer_id"], FakeApi.FieldNames(answer.Body));
        var id = answer.Body.GetProperty("transfer_id").GetInt64();
        Assert.NotEqual(0, id);
        var transfer = Assert.Single(fake.AccountTransfers);
        Assert.Equal((id, Snapshot, "alice@example.com", (Guid?)null, "pending"),
            (transfer.Id, transfer.ImageId, transfer.RecipientEmail, transfer.RecipientTeam, transfer.Status));
        Assert.Equal(HttpStatusCode.OK, (await FakeApi.GetAsync(client, $"v2/images/{Snapshot}")).Status);
    }

    [Fact]
    public async Task A_transfer_to_a_known_team_is_accepted_at_once_with_id_0_and_the_image_leaves_images_and_snapshots()
    {
        using var fake = Start();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.PostAsync(client, $"v2/images/{Snapshot}/account_transfer", $$"""{"recipient_uuid":"{{OtherTeam}}"}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal(0, answer.Body.GetProperty("transfer_id").GetInt64());
        var transfer = Assert.Single(fake.AccountTransfers);
        Assert.Equal((0L, OtherTeam, "accepted"), (transfer.Id, transfer.RecipientTeam, transfer.Status));
        Assert.Equal(HttpStatusCode.NotFound, (await FakeApi.GetAsync(client, $"v2/images/{Snapshot}")).Status);
        Assert.DoesNotContain(Snapshot, (await FakeApi.GetAsync(client, "v2/images?private=true")).Body.GetProperty("images")
            .EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.DoesNotContain("11", (await FakeApi.GetAsync(client, "v2/snapshots")).Strings("snapshots", "id"));
        Assert.Null(fake.FindImage(Snapshot));
    }

    [Theory]
    [InlineData(Snapshot, """{"recipient_uuid":"0b3a2c1d-0000-4000-8000-000000000001"}""", 400, "the recipient team was not found")]
    [InlineData(Snapshot, """{"recipient_uuid":"3f0e6f1c-2b4a-4c5d-9e8f-7a6b5c4d3e2f"}""", 400, "the image already belongs to the recipient team")]
    [InlineData(Snapshot, """{"recipient_uuid":"not-a-uuid"}""", 400, "recipient_uuid is not a UUID")]
    [InlineData(Snapshot, """{"recipient_email":"alice"}""", 400, "recipient_email is not an email address")]
    [InlineData(Snapshot, """{}""", 400, "exactly one of recipient_email and recipient_uuid is required")]
    [InlineData(Snapshot, """{"recipient_email":"alice@example.com","recipient_uuid":"4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf"}""", 400, "exactly one of recipient_email and recipient_uuid is required")]
    [InlineData(Backup, """{"recipient_email":"alice@example.com"}""", 400, "only snapshot images can be transferred to another account")]
    [InlineData(Custom, """{"recipient_uuid":"4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf"}""", 400, "only snapshot images can be transferred to another account")]
    [InlineData(10, """{"recipient_email":"alice@example.com"}""", 404, "The resource you were accessing could not be found.")]
    [InlineData(999, """{"recipient_email":"alice@example.com"}""", 404, "The resource you were accessing could not be found.")]
    public async Task A_start_that_cannot_be_is_refused_with_the_specs_status_and_nothing_changes(long imageId, string body, int status, string message)
    {
        using var fake = Start();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.PostAsync(client, $"v2/images/{imageId}/account_transfer", body);

        Assert.Equal((HttpStatusCode)status, answer.Status);
        Assert.Equal(message, answer.Error().Message);
        Assert.Empty(fake.AccountTransfers);
        Assert.Equal(4, fake.Images.Count);
    }

    [Fact]
    public async Task Accepting_a_pending_transfer_into_a_known_team_answers_201_without_a_body_and_the_image_leaves()
    {
        using var fake = Start();
        using var client = fake.CreateHttpClient();
        var id = await StartToEmailAsync(client);

        var answer = await FakeApi.PostAsync(client, $"v2/images/{Snapshot}/account_transfer/accept",
            $$"""{"transfer_id":{{id}},"recipient_uuid":"{{OtherTeam}}"}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal(System.Text.Json.JsonValueKind.Undefined, answer.Body.ValueKind);
        var transfer = Assert.Single(fake.AccountTransfers);
        Assert.Equal(("accepted", (Guid?)OtherTeam), (transfer.Status, transfer.RecipientTeam));
        Assert.Null(fake.FindImage(Snapshot));
    }

    [Theory]
    [InlineData("decline", "declined")]
    [InlineData("cancel", "cancelled")]
    public async Task Declining_or_cancelling_a_pending_transfer_answers_204_and_the_image_stays(string verb, string status)
    {
        using var fake = Start();
        using var client = fake.CreateHttpClient();
        var id = await StartToEmailAsync(client);

        var answer = await FakeApi.PostAsync(client, $"v2/images/{Snapshot}/account_transfer/{verb}", $$"""{"transfer_id":{{id}}}""");
        var again = await FakeApi.PostAsync(client, $"v2/images/{Snapshot}/account_transfer/{verb}", $$"""{"transfer_id":{{id}}}""");
        var accept = await FakeApi.PostAsync(client, $"v2/images/{Snapshot}/account_transfer/accept",
            $$"""{"transfer_id":{{id}},"recipient_uuid":"{{OtherTeam}}"}""");

        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Equal(status, Assert.Single(fake.AccountTransfers).Status);
        Assert.NotNull(fake.FindImage(Snapshot));
        Assert.Equal((HttpStatusCode.BadRequest, $"the transfer is {status}, not pending"), (again.Status, again.Error().Message));
        Assert.Equal(HttpStatusCode.BadRequest, accept.Status);

        // The image is free again: a new transfer may start.
        Assert.Equal(HttpStatusCode.Created,
            (await FakeApi.PostAsync(client, $"v2/images/{Snapshot}/account_transfer", """{"recipient_email":"bob@example.com"}""")).Status);
    }

    [Theory]
    [InlineData("accept", "{\"transfer_id\":1,\"recipient_uuid\":\"4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf\"}", 404)]
    [InlineData("decline", "{\"transfer_id\":0}", 404)]
    [InlineData("cancel", "{\"transfer_id\":1}", 404)]
    [InlineData("accept", "{\"transfer_id\":ID}", 400)]
    [InlineData("accept", "{\"transfer_id\":ID,\"recipient_uuid\":\"0b3a2c1d-0000-4000-8000-000000000001\"}", 400)]
    [InlineData("cancel", "{}", 400)]
    [InlineData("cancel", "{\"transfer_id\":\"ID\"}", 400)]
    [InlineData("refuse", "{\"transfer_id\":ID}", 404)]
    public async Task Unknown_transfer_ids_are_404_and_bodies_that_break_the_spec_400_leaving_the_transfer_pending(string verb, string body, int status)
    {
        using var fake = Start();
        using var client = fake.CreateHttpClient();
        var id = await StartToEmailAsync(client);

        var answer = await FakeApi.PostAsync(client, $"v2/images/{Snapshot}/account_transfer/{verb}", body.Replace("ID", id.ToString()));

        Assert.Equal((HttpStatusCode)status, answer.Status);
        Assert.Equal("pending", Assert.Single(fake.AccountTransfers).Status);
        Assert.NotNull(fake.FindImage(Snapshot));
    }

    [Fact]
    public async Task A_transfer_id_names_a_transfer_of_its_own_image_only_and_a_pending_transfer_blocks_a_second()
    {
        using var fake = Start();
        using var client = fake.CreateHttpClient();
        var id = await StartToEmailAsync(client);

        var otherImage = await FakeApi.PostAsync(client, $"v2/images/{Custom}/account_transfer/cancel", $$"""{"transfer_id":{{id}}}""");
        var second = await FakeApi.PostAsync(client, $"v2/images/{Snapshot}/account_transfer", """{"recipient_email":"bob@example.com"}""");

        Assert.Equal(HttpStatusCode.NotFound, otherImage.Status);
        Assert.Equal((HttpStatusCode.BadRequest, "the image already has a pending account transfer"), (second.Status, second.Error().Message));
        Assert.Single(fake.AccountTransfers);
    }

    [Fact]
    public async Task Only_post_is_answered_on_the_transfer_paths()
    {
        using var fake = Start();
        using var client = fake.CreateHttpClient();

        var get = await FakeApi.GetAsync(client, $"v2/images/{Snapshot}/account_transfer");
        var delete = await FakeApi.SendAsync(client, HttpMethod.Delete, $"v2/images/{Snapshot}/account_transfer/cancel");

        Assert.Equal((HttpStatusCode.MethodNotAllowed, "POST"), (get.Status, get.Header("Allow")));
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "POST"), (delete.Status, delete.Header("Allow")));
    }

    private static async Task<long> StartToEmailAsync(HttpClient client)
    {
        var answer = await FakeApi.PostAsync(client, $"v2/images/{Snapshot}/account_transfer", """{"recipient_email":"alice@example.com"}""");
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return answer.Body.GetProperty("transfer_id").GetInt64();
    }

    private static DigitalOceanFake Start() => ActionsApiTests.Start(new DigitalOceanFakeOptions { Teams = [OtherTeam] });
}
