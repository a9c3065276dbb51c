package dev.subpact.broker.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.error.BrokerException;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.metrics.BrokerMetrics;
import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import dev.subpact.broker.storage.Database;
import dev.subpact.broker.storage.Repositories;
import dev.subpact.broker.storage.Tx;
import dev.subpact.broker.webhook.BrokerEvent;
import dev.subpact.broker.webhook.WebhookDispatcher;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishing pacts and verification results: each in one transaction, then the webhooks for what
 * happened are fired.
 */
public final class Contracts {

  /**
   * A pact to publish for one consumer version.
   *
   * @param merged true when {@code content} is the version's published pact with interactions added
   *     ({@code onConflict=merge}): a change the publisher asked for, allowed without
   *     {@code --allow-contract-modification}
   */
  public record PactToPublish(String provider, JsonNode content, boolean merged) {

    public PactToPublish(String provider, JsonNode content) {
      this(provider, content, false);
    }
  }

  /** What a publish stored, and whether the content differs from the previous version's. */
  public record Published(Publication publication, boolean contentChanged, boolean newPublication) {}

  private final Database database;
  private final Repositories storage;
  private final BrokerMetrics metrics;
  private final WebhookDispatcher webhooks;
  private final boolean allowModification;

  public Contracts(Database database, Repositories storage, WebhookDispatcher webhooks, BrokerMetrics metrics,
      boolean allowModification) {
    this.database = database;
    this.storage = storage;
    this.webhooks = webhooks;
    this.metrics = metrics;
    this.allowModification = allowModification;
  }

  /**
   * The pacts as they are to be published: for each provider in {@code mergeProviders}
   * ({@code onConflict=merge}), the interactions are added to the pact already published for the
   * consumer version (same description and provider states: the new one wins).
   */
  public List<PactToPublish> mergedWithPublished(String consumer, String version,
      List<PactToPublish> pacts, List<String> mergeProviders) {
    if (mergeProviders.isEmpty()) {
      return pacts;
    }
    return database.read(tx -> {
      List<PactToPublish> result = new ArrayList<>();
      var existingVersion = storage.pacticipants().version(tx, consumer, version);
      for (PactToPublish pact : pacts) {
        Optional<Publication> existing = existingVersion.isPresent() && mergeProviders.contains(pact.provider())
            ? storage.pacts().publication(tx, existingVersion.get(), pact.provider()) : Optional.empty();
        if (existing.isEmpty() || !pact.content().isObject() || !pact.content().path("interactions").isArray()) {
          result.add(pact);
          continue;
        }
        ObjectNode old = (ObjectNode) Json.parse(storage.pacts().pactContent(tx, existing.get().sha()).orElseThrow());
        ObjectNode merged = ((ObjectNode) pact.content()).deepCopy();
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode interaction : old.path("interactions")) {
          byKey.put(interactionKey(interaction), interaction);
        }
        for (JsonNode interaction : pact.content().path("interactions")) {
          byKey.put(interactionKey(interaction), interaction);
        }
        ArrayNode interactions = merged.putArray("interactions");
        byKey.values().forEach(interactions::add);
        result.add(new PactToPublish(pact.provider(), merged, true));
      }
      return result;
    });
  }

  private static String interactionKey(JsonNode interaction) {
    return interaction.path("description").asText() + "\u0000" + interaction.path("providerState").asText()
        + "\u0000" + interaction.path("providerStates").toString();
  }
  /**
   * Publishes pacts of one consumer version, with its branch, tags and build URL, atomically:
   * either all pacts are stored or none.
   */
  public List<Published> publish(ResourceUrls links, String consumer, String versionNumber,
      String branch, List<String> tags, String buildUrl, List<PactToPublish> pacts) {
    List<PactContent> contents = new ArrayList<>();
    for (PactToPublish pact : pacts) {
      contents.add(PactContent.of(pact.content(), consumer, pact.provider()));
    }
    List<BrokerEvent> events = new ArrayList<>();
    List<Published> results = database.write(tx -> {
      Version version = storage.pacticipants().ensureVersion(tx, consumer, versionNumber, buildUrl);
      if (branch != null) {
        storage.branchesAndTags().addToBranch(tx, version, branch);
      }
      for (String tag : tags) {
        storage.branchesAndTags().tag(tx, version, tag);
      }
      List<Published> published = new ArrayList<>();
      for (int i = 0; i < pacts.size(); i++) {
        Pacticipant provider = storage.pacticipants().ensurePacticipant(tx, pacts.get(i).provider());
        published.add(store(tx, links, version, provider, contents.get(i), pacts.get(i).merged(), events));
      }
      webhooks.enqueue(tx, events);
      return published;
    });
    webhooks.nudge();
    metrics.published(results.size());
    return results;
  }

  private Published store(Tx tx, ResourceUrls links, Version version, Pacticipant provider,
      PactContent content, boolean merged, List<BrokerEvent> events) throws SQLException {
    var previousOfVersion = storage.pacts().publication(tx, version, provider.name());
    if (previousOfVersion.isPresent() && !previousOfVersion.get().sha().equals(content.sha()) && !merged
        && !allowModification) {
      throw BrokerException.conflict("Cannot change the pact between " + version.pacticipant() + " " + version.number()
          + " and " + provider.name() + ": that version already has a pact with other content (" 
          + previousOfVersion.get().sha().substring(0, 12) + "), and a published contract does not change, so that"
          + " verification results and can-i-deploy stay true for it. Publish the changed contract as a new consumer"
          + " version (e.g. the new git sha), or add interactions with onConflict=merge. A broker operator can allow"
          + " changes by starting the broker with contract modification allowed (the official broker's"
          + " allow_dangerous_contract_modification).");
    }
    var previousLatest = storage.pacts().latestPublication(tx, provider.name(), version.pacticipant())
        .filter(p -> p.consumerVersion().id() != version.id());
    Publication publication = storage.pacts().publish(tx, version, provider, content.sha(), content.canonical());
    boolean changed = previousOfVersion.map(p -> !p.sha().equals(content.sha()))
        .orElseGet(() -> previousLatest.map(p -> !p.sha().equals(content.sha())).orElse(true));
    BrokerEvent published = pactEvent(tx, links, BrokerEvent.CONTRACT_PUBLISHED, publication);
    events.add(published);
    if (changed) {
      events.add(published.renamed(BrokerEvent.CONTRACT_CONTENT_CHANGED));
    }
    boolean verified = storage.verifications().verificationsOf(tx, content.sha(), provider.name()).stream()
        .anyMatch(Verification::success);
    if (!verified) {
      events.add(published.renamed(BrokerEvent.CONTRACT_REQUIRING_VERIFICATION_PUBLISHED));
    }
    return new Published(publication, changed, previousOfVersion.isEmpty());
  }

  /** Records a verification result posted by the provider's build. */
  public Verification verify(ResourceUrls links, String provider, String consumer, String sha,
      JsonNode body) {
    if (body == null || !body.isObject()) {
      throw BrokerException.invalid("The verification result must be a JSON object like"
          + " {\"success\": true, \"providerApplicationVersion\": \"1.2.3\"}.");
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    JsonNode success = body.get("success");
    if (success == null || !success.isBoolean()) {
      errors.put("success", List.of("must be true or false"));
    }
    String providerVersion = Json.text(body, "providerApplicationVersion");
    if (providerVersion == null) {
      errors.put("providerApplicationVersion", List.of("is required: the provider version that ran the verification"));
    }
    if (!errors.isEmpty()) {
      throw BrokerException.invalid(errors);
    }
    List<BrokerEvent> events = new ArrayList<>();
    Verification verification = database.write(tx -> {
      Publication publication = storage.pacts().publicationBySha(tx, provider, consumer, sha)
          .orElseThrow(() -> BrokerException.notFound("No pact version " + sha + " between consumer '"
              + consumer + "' and provider '" + provider + "'."));
      Version version = storage.pacticipants().ensureVersion(tx, provider, providerVersion, Json.text(body, "buildUrl"));
      JsonNode results = body.get("testResults");
      Verification stored = storage.verifications().addVerification(tx, sha, version, success.asBoolean(),
          Verification.LIVE, Json.text(body, "buildUrl"), results == null ? null : Json.write(results));
      events.addAll(verificationEvents(tx, links, publication, stored));
      webhooks.enqueue(tx, events);
      return stored;
    });
    webhooks.nudge();
    metrics.verified(verification.success());
    return verification;
  }

  /** The events of a stored verification (also used for "verified by schema"). */
  public List<BrokerEvent> verificationEvents(Tx tx, ResourceUrls links, Publication publication,
      Verification verification) throws SQLException {
    BrokerEvent published = pactEvent(tx, links, BrokerEvent.VERIFICATION_PUBLISHED, publication);
    Map<String, String> values = new LinkedHashMap<>(published.values());
    values.put("providerVersionNumber", verification.providerVersion().number());
    values.put("providerVersionTags", String.join(", ", storage.branchesAndTags().tags(tx, verification.providerVersion())));
    values.put("providerVersionBranch", String.join(", ", storage.branchesAndTags().branchesOf(tx, verification.providerVersion())));
    values.put("verificationResultUrl", links.pactVersion(publication.provider(), publication.consumer(),
        publication.sha()) + "/verification-results/" + verification.id());
    values.put("githubVerificationStatus", verification.success() ? "success" : "failure");
    values.put("bitbucketVerificationStatus", verification.success() ? "SUCCESSFUL" : "FAILED");
    values.put("buildUrl", verification.buildUrl() == null ? "" : verification.buildUrl());
    BrokerEvent event = new BrokerEvent(BrokerEvent.VERIFICATION_PUBLISHED, publication.consumer(),
        publication.provider(), values);
    return List.of(event, event.renamed(verification.success()
        ? BrokerEvent.VERIFICATION_SUCCEEDED : BrokerEvent.VERIFICATION_FAILED));
  }

  private BrokerEvent pactEvent(Tx tx, ResourceUrls links, String name, Publication publication)
      throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    Version version = publication.consumerVersion();
    values.put("pactUrl", links.pactVersion(publication.provider(), publication.consumer(), publication.sha()));
    values.put("consumerVersionNumber", version.number());
    values.put("consumerVersionTags", String.join(", ", storage.branchesAndTags().tags(tx, version)));
    values.put("consumerVersionBranch", String.join(", ", storage.branchesAndTags().branchesOf(tx, version)));
    values.put("buildUrl", version.buildUrl() == null ? "" : version.buildUrl());
    return new BrokerEvent(name, publication.consumer(), publication.provider(), values);
  }
}
