package dev.subpact.broker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.contract.PactContent;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Timestamps;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import dev.subpact.broker.model.Webhook;
import dev.subpact.broker.storage.Database;
import dev.subpact.broker.storage.Repositories;
import java.util.List;

/** Test data written straight into a broker's database: the provider states of the contract tests. */
public final class Fixtures {

  private final Database database;
  private final Repositories storage = Repositories.create();

  public Fixtures(RunningBroker broker) {
    this.database = database(broker);
  }

  /** A running broker's database, for tests and benchmarks that write rows the API cannot (bulk loads, renamed ids). */
  public static Database database(RunningBroker broker) {
    return broker.database();
  }

  public void reset() {
    database.write(tx -> {
      for (String table : List.of("field_usages", "graphql_schemas", "webhook_executions", "webhooks",
          "released_versions", "deployed_versions", "environments", "verifications", "pact_publications",
          "pact_contents", "tags", "branch_versions", "versions", "pacticipants")) {
        tx.update("DELETE FROM " + table);
      }
      return null;
    });
  }

  public Version version(String pacticipant, String number, String... tags) {
    return database.write(tx -> {
      Version v = storage.pacticipants().ensureVersion(tx, pacticipant, number, null);
      for (String tag : tags) {
        storage.branchesAndTags().tag(tx, v, tag);
      }
      return v;
    });
  }

  public void pacticipant(String name, String repositoryUrl) {
    database.write(tx -> storage.pacticipants().updatePacticipant(tx, name, null, repositoryUrl, null));
  }

  public void branch(String pacticipant, String number, String branch) {
    database.write(tx -> storage.branchesAndTags().addToBranch(tx, storage.pacticipants().ensureVersion(tx, pacticipant, number, null), branch));
  }

  /** A pact with no interactions, exactly as the official broker's states publish it. */
  public Publication emptyPact(String consumer, String number, String provider, String... tags) {
    ObjectNode pact = Json.object();
    pact.putObject("consumer").put("name", consumer);
    pact.putObject("provider").put("name", provider);
    pact.putArray("interactions");
    pact.putObject("metadata").putObject("pactSpecification").put("version", "2.0.0");
    return publish(consumer, number, provider, pact, tags);
  }

  /** A pact whose content is unique to the consumer version. */
  public Publication pact(String consumer, String number, String provider, String... tags) {
    ObjectNode pact = Json.object();
    pact.putObject("consumer").put("name", consumer);
    pact.putObject("provider").put("name", provider);
    ObjectNode interaction = pact.putArray("interactions").addObject();
    interaction.put("description", "a request from " + consumer + " " + number);
    interaction.putObject("request").put("method", "GET").put("path", "/" + number);
    interaction.putObject("response").put("status", 200);
    pact.putObject("metadata").putObject("pactSpecification").put("version", "2.0.0");
    return publish(consumer, number, provider, pact, tags);
  }

  private Publication publish(String consumer, String number, String provider, ObjectNode pact, String... tags) {
    PactContent content = PactContent.of(pact, consumer, provider);
    return database.write(tx -> {
      Version v = storage.pacticipants().ensureVersion(tx, consumer, number, null);
      for (String tag : tags) {
        storage.branchesAndTags().tag(tx, v, tag);
      }
      return storage.pacts().publish(tx, v, storage.pacticipants().ensurePacticipant(tx, provider), content.sha(), content.canonical());
    });
  }

  public Verification verify(Publication pact, String providerVersion, boolean success, String... tags) {
    return database.write(tx -> {
      Version v = storage.pacticipants().ensureVersion(tx, pact.provider(), providerVersion, null);
      for (String tag : tags) {
        storage.branchesAndTags().tag(tx, v, tag);
      }
      return storage.verifications().addVerification(tx, pact.sha(), v, success, Verification.LIVE, null, null);
    });
  }

  public Environment environment(String uuid, String name) {
    return database.write(tx -> storage.environments().createEnvironment(tx, uuid, name, name.substring(0, 1).toUpperCase() + name.substring(1),
        false, "[{\"name\":\"Foo team\",\"details\":{\"emailAddress\":\"foo@bar.com\"}}]"));
  }

  public String deploy(String pacticipant, String number, Environment environment, String instance) {
    return database.write(tx -> storage.environments().recordDeployment(tx, storage.pacticipants().ensureVersion(tx, pacticipant, number, null),
        environment, instance).uuid());
  }

  public void renameDeployment(String uuid, String newUuid) {
    database.write(tx -> tx.update("UPDATE deployed_versions SET uuid = ? WHERE uuid = ?", newUuid, uuid));
  }

  public void webhook(String uuid, String consumer, String provider) {
    webhook(uuid, consumer, provider, "https://webhook", "contract_content_changed");
  }

  /** A webhook stored as is, without the API's validation (as if created under another allow-list). */
  public void webhook(String uuid, String consumer, String provider, String url, String event) {
    webhookWithRequest(uuid, consumer, provider, "{\"method\":\"POST\",\"url\":\"" + url + "\"}", event);
  }

  /** A webhook whose request template is stored verbatim. */
  public void webhookWithRequest(String uuid, String consumer, String provider, String request, String event) {
    database.write(tx -> {
      storage.pacticipants().ensurePacticipant(tx, consumer);
      storage.pacticipants().ensurePacticipant(tx, provider);
      String now = Timestamps.now();
      storage.webhooks().saveWebhook(tx, new Webhook(uuid, "a webhook", consumer, null, provider, null,
          List.of(event), request, true, now, now));
      return null;
    });
  }
}
