package dev.subpact.broker.verification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.error.BrokerException;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.storage.Repositories;
import dev.subpact.broker.storage.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pacts a provider build must verify ({@code POST /pacts/provider/P/for-verification}):
 * the pacts matching the consumer version selectors, each once per content, marked pending when
 * the provider's branch (or tags) has never verified that content successfully, plus the WIP
 * pacts when asked for.
 */
public final class PactsForVerification {

  /** The body of the request, as the Pact clients send it. */
  public record Request(List<JsonNode> selectors, String providerVersionBranch,
      List<String> providerVersionTags, boolean includePendingStatus, String includeWipPactsSince) {

    public static Request parse(JsonNode body) {
      if (body == null || body.isNull() || body.isMissingNode()) {
        body = Json.object();
      }
      if (!body.isObject()) {
        throw BrokerException.invalid("The for-verification body must be a JSON object like"
            + " {\"consumerVersionSelectors\": [{\"mainBranch\": true}]}.");
      }
      List<JsonNode> selectors = new ArrayList<>();
      JsonNode given = body.get("consumerVersionSelectors");
      if (given != null && !given.isNull()) {
        if (!given.isArray()) {
          throw BrokerException.invalid("consumerVersionSelectors must be an array of objects.");
        }
        for (JsonNode selector : given) {
          if (!selector.isObject()) {
            throw BrokerException.invalid("Every consumer version selector must be an object, got " + selector + ".");
          }
          selectors.add(selector);
        }
      }
      List<String> tags = new ArrayList<>();
      JsonNode providerTags = body.get("providerVersionTags");
      if (providerTags != null && providerTags.isArray()) {
        providerTags.forEach(t -> tags.add(t.asText()));
      }
      JsonNode pending = body.get("includePendingStatus");
      return new Request(selectors, Json.text(body, "providerVersionBranch"), tags,
          pending != null && pending.asBoolean(), Json.text(body, "includeWipPactsSince"));
    }
  }

  /** One pact to verify, with why it was selected. */
  public record Selected(Publication pact, List<String> reasons, boolean pending, boolean wip) {}

  private final Repositories storage;

  public PactsForVerification(Repositories storage) {
    this.storage = storage;
  }

  public List<Selected> select(Tx tx, String provider, Request request) throws SQLException {
    List<JsonNode> selectors = request.selectors().isEmpty()
        ? List.of(Json.object().put("latest", true)) : request.selectors();
    Map<String, Selected> bySha = new LinkedHashMap<>();
    for (JsonNode selector : selectors) {
      for (Publication pact : matching(tx, provider, selector, request)) {
        String reason = describe(selector, pact);
        Selected previous = bySha.get(pact.sha());
        if (previous == null) {
          List<String> reasons = new ArrayList<>();
          reasons.add(reason);
          bySha.put(pact.sha(), new Selected(pact, reasons, false, false));
        } else if (!previous.reasons().contains(reason)) {
          previous.reasons().add(reason);
        }
      }
    }
    Set<String> verified = request.includePendingStatus()
        ? storage.verifications().successfullyVerified(tx, bySha.keySet(), provider, request.providerVersionBranch(), request.providerVersionTags())
        : Set.of();
    List<Selected> result = new ArrayList<>();
    for (Selected selected : bySha.values()) {
      boolean pending = request.includePendingStatus() && !verified.contains(selected.pact().sha());
      result.add(new Selected(selected.pact(), selected.reasons(), pending, false));
    }
    if (request.includeWipPactsSince() != null && request.includePendingStatus()) {
      Instant since = parseInstant(request.includeWipPactsSince());
      for (Publication pact : wipCandidates(tx, provider)) {
        if (!bySha.containsKey(pact.sha()) && Instant.parse(pact.createdAt()).isAfter(since)
            && pending(tx, provider, pact, request)) {
          bySha.put(pact.sha(), null);
          result.add(new Selected(pact, List.of("it is a work in progress pact: the latest of "
              + pact.consumer() + " from its branch or tag, not yet verified successfully"), true, true));
        }
      }
    }
    return result;
  }

  private List<Publication> matching(Tx tx, String provider, JsonNode selector, Request request)
      throws SQLException {
    String consumer = Json.text(selector, "consumer");
    boolean latest = selector.path("latest").asBoolean(false);
    List<Publication> all = new ArrayList<>();
    if (selector.path("mainBranch").asBoolean(false)) {
      return onlyConsumer(storage.pacts().latestPublicationsOnMainBranches(tx, provider), consumer);
    }
    String branch = Json.text(selector, "branch");
    if (selector.path("matchingBranch").asBoolean(false)) {
      branch = request.providerVersionBranch();
      if (branch == null) {
        return List.of();
      }
    }
    if (branch != null) {
      boolean onlyLatest = !selector.has("latest") || latest;
      if (!onlyLatest) {
        return onlyConsumer(storage.pacts().publicationsOnBranch(tx, provider, branch), consumer);
      }
      List<Publication> onBranch = onlyConsumer(storage.pacts().latestPublicationsOnBranch(tx, provider, branch), consumer);
      String fallback = Json.text(selector, "fallbackBranch");
      if (fallback != null) {
        Set<String> covered = new java.util.HashSet<>();
        onBranch.forEach(p -> covered.add(p.consumer()));
        onBranch = new ArrayList<>(onBranch);
        for (Publication p : onlyConsumer(storage.pacts().latestPublicationsOnBranch(tx, provider, fallback), consumer)) {
          if (!covered.contains(p.consumer())) {
            onBranch.add(p);
          }
        }
      }
      return onBranch;
    }
    String environment = Json.text(selector, "environment");
    boolean deployed = selector.path("deployed").asBoolean(false);
    boolean released = selector.path("released").asBoolean(false);
    boolean deployedOrReleased = selector.path("deployedOrReleased").asBoolean(false);
    if (environment != null || deployed || released || deployedOrReleased) {
      boolean wantDeployed = deployed || deployedOrReleased || !released;
      boolean wantReleased = released || deployedOrReleased || !deployed;
      String environmentUuid = null;
      if (environment != null) {
        var named = storage.environments().environmentNamed(tx, environment);
        if (named.isEmpty()) {
          return List.of();
        }
        environmentUuid = named.get().uuid();
      }
      return onlyConsumer(storage.pacts().publicationsInEnvironments(tx, provider, environmentUuid, wantDeployed, wantReleased), consumer);
    }
    String tag = Json.text(selector, "tag");
    if (tag != null) {
      for (String c : consumers(tx, provider, consumer)) {
        if (latest) {
          storage.pacts().latestPublicationWithTag(tx, provider, c, tag).ifPresent(all::add);
        } else {
          all.addAll(storage.pacts().publicationsWithTag(tx, provider, tag).stream()
              .filter(p -> p.consumer().equals(c)).toList());
        }
      }
      String fallbackTag = Json.text(selector, "fallbackTag");
      if (all.isEmpty() && fallbackTag != null) {
        for (String c : consumers(tx, provider, consumer)) {
          storage.pacts().latestPublicationWithTag(tx, provider, c, fallbackTag).ifPresent(all::add);
        }
      }
      return all;
    }
    if (latest || consumer != null) {
      for (String c : consumers(tx, provider, consumer)) {
        if (latest || !selector.has("latest")) {
          storage.pacts().latestPublication(tx, provider, c).ifPresent(all::add);
        }
      }
      return all;
    }
    throw BrokerException.invalid("Unsupported consumer version selector " + selector
        + ": use one of mainBranch, branch, matchingBranch, deployedOrReleased, deployed, released,"
        + " environment, tag or latest (optionally with consumer and fallbackBranch).");
  }

  private List<String> consumers(Tx tx, String provider, String only) throws SQLException {
    List<String> all = storage.pacts().consumersOf(tx, provider);
    return only == null ? all : all.stream().filter(only::equals).toList();
  }

  /** Pending: no provider version on the build's branch (or with its tags) verified it successfully. */
  private boolean pending(Tx tx, String provider, Publication pact, Request request)
      throws SQLException {
    return storage.verifications().successfullyVerified(tx, List.of(pact.sha()), provider, request.providerVersionBranch(),
        request.providerVersionTags()).isEmpty();
  }

  private static List<Publication> onlyConsumer(List<Publication> pacts, String consumer) {
    return consumer == null ? pacts : pacts.stream().filter(p -> p.consumer().equals(consumer)).toList();
  }

  /** The latest pact of every consumer branch and tag: the heads that can be work in progress. */
  private List<Publication> wipCandidates(Tx tx, String provider) throws SQLException {
    Map<String, Publication> bySha = new LinkedHashMap<>();
    storage.pacts().latestPublicationsOfEveryBranchAndTag(tx, provider).forEach(p -> bySha.putIfAbsent(p.sha(), p));
    return new ArrayList<>(bySha.values());
  }

  private static Instant parseInstant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException again) {
        throw BrokerException.invalid("includeWipPactsSince must be a date like 2024-01-01 or"
            + " 2024-01-01T00:00:00Z, got '" + text + "'.");
      }
    }
  }

  private static String describe(JsonNode selector, Publication pact) {
    String version = pact.consumerVersion().number();
    String consumer = pact.consumer();
    if (selector.path("mainBranch").asBoolean(false)) {
      return "latest version of " + consumer + " from the main branch (" + version + ")";
    }
    if (selector.path("matchingBranch").asBoolean(false)) {
      return "latest version of " + consumer + " from the branch matching the provider's (" + version + ")";
    }
    if (Json.text(selector, "branch") != null) {
      return "latest version of " + consumer + " from branch '" + Json.text(selector, "branch") + "' (" + version + ")";
    }
    if (Json.text(selector, "environment") != null) {
      return "version of " + consumer + " currently in " + Json.text(selector, "environment") + " (" + version + ")";
    }
    if (selector.path("deployedOrReleased").asBoolean(false) || selector.path("deployed").asBoolean(false)
        || selector.path("released").asBoolean(false)) {
      return "version of " + consumer + " currently deployed or released (" + version + ")";
    }
    if (Json.text(selector, "tag") != null) {
      return (selector.path("latest").asBoolean(false) ? "latest version" : "one of the versions")
          + " of " + consumer + " tagged '" + Json.text(selector, "tag") + "' (" + version + ")";
    }
    return "latest version of " + consumer + " (" + version + ")";
  }
}
