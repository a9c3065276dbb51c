package dev.subpact.broker.graphql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.contract.Contracts;
import dev.subpact.broker.contract.ResourceUrls;
import dev.subpact.broker.error.BrokerException;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.model.Deployment;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import dev.subpact.broker.storage.Database;
import dev.subpact.broker.storage.Repositories;
import dev.subpact.broker.storage.Tx;
import dev.subpact.broker.webhook.BrokerEvent;
import dev.subpact.broker.webhook.WebhookDispatcher;
import dev.subpact.graphql.change.UsedSchemaChanges;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.Severity;
import dev.subpact.graphql.check.StaticChecker;
import dev.subpact.graphql.operation.DocumentSyntaxException;
import dev.subpact.graphql.operation.OperationCoordinates;
import dev.subpact.graphql.operation.SchemaCoordinate;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.PactFormatException;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoadException;
import dev.subpact.graphql.schema.SchemaLoader;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The broker's GraphQL knowledge. A provider publishes its schema (SDL) per version; every relevant
 * GraphQL consumer contract is checked against it with {@link StaticChecker} and the outcome is
 * recorded as a verification "by schema" (can-i-deploy uses it when no live verification exists).
 * Each check also indexes which schema coordinates each contract uses, so the broker can say which
 * consumer versions use a field and where they are deployed.
 */
public final class GraphqlAwareness {

  /** One use of a coordinate by a consumer version, and where that version runs. */
  public record Usage(String coordinate, String consumer, String consumerVersion, String interaction,
      List<String> environments) {

    public String sentence(boolean deprecated) {
      String where = environments.isEmpty() ? "" : " in " + String.join(", ", environments);
      return "`" + coordinate + "` is " + (deprecated ? "deprecated and still " : "") + "used by "
          + consumer + " " + consumerVersion + where;
    }
  }

  private final Database database;
  private final Repositories storage;
  private final Contracts contracts;
  private final WebhookDispatcher webhooks;

  public GraphqlAwareness(Database database, Repositories storage, Contracts contracts,
      WebhookDispatcher webhooks) {
    this.database = database;
    this.storage = storage;
    this.contracts = contracts;
    this.webhooks = webhooks;
  }

  /** The SDL stored for a provider version; refused when the version or its schema is missing. */
  public String schema(String provider, String number) {
    return database.read(tx -> {
      Version version = storage.pacticipants().version(tx, provider, number).orElseThrow(() -> BrokerException.notFound(
          "No version '" + number + "' of pacticipant '" + provider + "'."));
      return storage.graphql().schema(tx, version);
    }).orElseThrow(() -> BrokerException.notFound("Version '" + number + "' of '" + provider
        + "' has no GraphQL schema; PUT its SDL here."));
  }

  /**
   * Stores the provider version's schema ({@code body}: the SDL, or {@code {"sdl": …}}) and checks
   * every relevant GraphQL contract against it, recording each outcome as a verification by schema.
   */
  public List<SchemaCheck> publishSchema(ResourceUrls links, String provider, String number, String body) {
    String sdl = body;
    if (body.trim().startsWith("{")) {
      sdl = Json.text(Json.parse(body), "sdl");
      if (sdl == null) {
        throw BrokerException.invalid("A JSON body must be {\"sdl\": \"type Query { … }\"}; or send the SDL itself as text.");
      }
    }
    Schema schema;
    try {
      schema = SchemaLoader.fromSdl(sdl, provider + " " + number);
    } catch (SchemaLoadException | graphql.GraphQLException e) {
      throw BrokerException.invalid("The GraphQL schema of " + provider + " " + number + " is invalid: " + e.getMessage());
    }
    String finalSdl = sdl;
    List<BrokerEvent> events = new ArrayList<>();
    List<SchemaCheck> checks = database.write(tx -> {
      Version version = storage.pacticipants().ensureVersion(tx, provider, number, null);
      storage.graphql().saveSchema(tx, version, finalSdl);
      List<SchemaCheck> results = new ArrayList<>();
      for (Publication pact : relevantPacts(tx, provider)) {
        SchemaCheck check = checkAndRecord(tx, links, schema, version, pact, events);
        if (check != null) {
          results.add(check);
        }
      }
      webhooks.enqueue(tx, events);
      return results;
    });
    webhooks.nudge();
    return checks;
  }

  /** One contract checked against a published schema: passed, or the errors it met. */
  public record SchemaCheck(Publication pact, boolean success, List<String> errors) {}

  /** The latest pact of every consumer, branch and tag, and those of deployed or released versions. */
  private List<Publication> relevantPacts(Tx tx, String provider) throws SQLException {
    Map<String, Publication> bySha = new LinkedHashMap<>();
    Set<String> heads = new LinkedHashSet<>();
    for (Publication pact : storage.pacts().publicationsForProvider(tx, provider)) {
      boolean head = heads.add(pact.consumer());
      for (String branch : storage.branchesAndTags().branchesOf(tx, pact.consumerVersion())) {
        head |= heads.add(pact.consumer() + "\u0000b" + branch);
      }
      for (String tag : storage.branchesAndTags().tags(tx, pact.consumerVersion())) {
        head |= heads.add(pact.consumer() + "\u0000t" + tag);
      }
      if (head || !storage.environments().currentPlacesOf(tx, pact.consumerVersion()).isEmpty()) {
        bySha.putIfAbsent(pact.sha(), pact);
      }
    }
    return new ArrayList<>(bySha.values());
  }

  private SchemaCheck checkAndRecord(Tx tx, ResourceUrls links, Schema schema, Version providerVersion,
      Publication pact, List<BrokerEvent> events) throws SQLException {
    GraphqlPact graphqlPact;
    try {
      graphqlPact = GraphqlPacts.parse(storage.pacts().pactContent(tx, pact.sha()).orElseThrow(),
          pact.consumer() + " " + pact.consumerVersion().number());
    } catch (PactFormatException | IllegalArgumentException e) {
      String unreadable = unreadableGraphql(e);
      return unreadable == null ? null : record(tx, links, pact, providerVersion, Json.array(), List.of(unreadable), events);
    }
    if (!graphqlPact.foreign().isEmpty()) {
      // a schema verifies GraphQL operations only: REST or message interactions need a live verification
      return null;
    }
    StaticChecker checker = StaticChecker.of(schema);
    List<UsedSchemaChanges> fromDeployed = deployedBaselines(tx, schema, providerVersion, pact);
    List<String> errors = new ArrayList<>();
    ArrayNode results = Json.array();
    for (GraphqlInteraction interaction : graphqlPact.interactions()) {
      List<Finding> findings = checker.check(interaction.operation());
      for (UsedSchemaChanges changes : fromDeployed) {
        findings = changes.alongside(findings, interaction.operation()).stream().distinct().toList();
      }
      ObjectNode item = results.addObject().put("interactionDescription", interaction.description());
      ArrayNode mismatches = item.putArray("mismatches");
      boolean ok = true;
      for (Finding finding : findings) {
        mismatches.addObject().put("severity", finding.severity().name()).put("description", finding.message());
        if (finding.severity() == Severity.ERROR) {
          ok = false;
          errors.add(interaction.description() + ": " + finding.message());
        }
      }
      item.put("success", ok);
      try {
        for (SchemaCoordinate coordinate : OperationCoordinates.of(interaction.operation(), schema.graphql())) {
          storage.graphql().addFieldUsage(tx, pact.sha(), coordinate.toString(), interaction.description());
        }
      } catch (RuntimeException e) {
        // an operation the schema cannot resolve has no coordinates to index; its errors are recorded above
      }
    }
    return record(tx, links, pact, providerVersion, results, errors, events);
  }

  /**
   * The comparisons a consumer version's contract needs beyond validation ({@code check --baseline}
   * on the broker): with the schema of each other provider version deployed or released where that
   * consumer version runs, along its operations — what changed since is what it would feel there.
   */
  private List<UsedSchemaChanges> deployedBaselines(Tx tx, Schema schema, Version providerVersion, Publication pact)
      throws SQLException {
    Map<Long, UsedSchemaChanges> byVersion = new LinkedHashMap<>();
    for (Deployment place : storage.environments().currentPlacesOf(tx, pact.consumerVersion())) {
      List<Deployment> provider = new ArrayList<>(storage.environments().currentDeployments(tx, place.environment().uuid(), providerVersion.pacticipant()));
      provider.addAll(storage.environments().currentReleases(tx, place.environment().uuid(), providerVersion.pacticipant()));
      for (Deployment deployed : provider) {
        Version version = deployed.version();
        if (version.id() == providerVersion.id() || byVersion.containsKey(version.id())) {
          continue;
        }
        Optional<String> sdl = storage.graphql().schema(tx, version);
        if (sdl.isPresent()) {
          byVersion.put(version.id(), UsedSchemaChanges.between(SchemaLoader.fromSdl(sdl.get(), version.pacticipant() + " "
              + version.number() + " (in " + place.environment().name() + ")"), schema));
        }
      }
    }
    return List.copyOf(byVersion.values());
  }

  private SchemaCheck record(Tx tx, ResourceUrls links, Publication pact, Version providerVersion, ArrayNode results,
      List<String> errors, List<BrokerEvent> events) throws SQLException {
    ObjectNode testResults = Json.object();
    testResults.set("tests", results);
    Verification verification = storage.verifications().addVerification(tx, pact.sha(), providerVersion, errors.isEmpty(),
        Verification.SCHEMA, null, Json.write(testResults));
    events.addAll(contracts.verificationEvents(tx, links, pact, verification));
    return new SchemaCheck(pact, errors.isEmpty(), errors);
  }

  /**
   * Why a GraphQL contract cannot be read (a query with a syntax error or beyond
   * {@link dev.subpact.graphql.operation.ParseLimits}), or null when {@code e} says it is no GraphQL
   * contract at all (a REST pact of the same provider). An unreadable GraphQL contract is recorded
   * as failing every schema check: it never blocks the provider's other contracts, and never passes.
   */
  public static String unreadableGraphql(RuntimeException e) {
    return e.getCause() instanceof DocumentSyntaxException ? "The contract cannot be read: " + e.getMessage() : null;
  }

  /** Checks a newly published pact content against the provider's latest schema, if it has one. */
  public void pactPublished(ResourceUrls links, String provider, String sha) {
    List<BrokerEvent> events = new ArrayList<>();
    database.write(tx -> {
      var schemaVersion = storage.graphql().latestSchemaVersion(tx, provider);
      if (schemaVersion.isEmpty()) {
        return null;
      }
      Schema schema = SchemaLoader.fromSdl(storage.graphql().schema(tx, schemaVersion.get()).orElseThrow(),
          provider + " " + schemaVersion.get().number());
      for (Publication pact : storage.pacts().publicationsForProvider(tx, provider)) {
        if (pact.sha().equals(sha)) {
          checkAndRecord(tx, links, schema, schemaVersion.get(), pact, events);
          break;
        }
      }
      webhooks.enqueue(tx, events);
      return null;
    });
    webhooks.nudge();
  }

  /** Every consumer version whose contract uses the coordinate, with where it runs. */
  public List<Usage> usages(String coordinate) {
    return database.read(tx -> {
      List<Usage> result = new ArrayList<>();
      for (String[] usage : storage.graphql().fieldUsages(tx, coordinate)) {
        for (Publication pact : publicationsWithSha(tx, usage[0])) {
          List<String> environments = new ArrayList<>();
          for (Deployment place : storage.environments().currentPlacesOf(tx, pact.consumerVersion())) {
            if (!environments.contains(place.environment().name())) {
              environments.add(place.environment().name());
            }
          }
          result.add(new Usage(coordinate, pact.consumer(), pact.consumerVersion().number(), usage[1], environments));
        }
      }
      return result;
    });
  }

  private List<Publication> publicationsWithSha(Tx tx, String sha) throws SQLException {
    List<Publication> result = new ArrayList<>();
    for (String[] pair : tx.list("SELECT pr.name, c.name FROM pact_publications pp"
        + " JOIN pacticipants pr ON pr.id = pp.provider_id JOIN pacticipants c ON c.id = pp.consumer_id"
        + " WHERE pp.pact_sha = ? GROUP BY pr.name, c.name", row -> new String[] {row.getString(1), row.getString(2)}, sha)) {
      for (Publication p : storage.pacts().publications(tx, pair[0], pair[1])) {
        if (p.sha().equals(sha)) {
          result.add(p);
        }
      }
    }
    return result;
  }

  /** Deprecated fields and arguments of the provider's newest schema that consumer contracts still use. */
  public List<Usage> deprecatedInUse(String provider) {
    List<Usage> result = new ArrayList<>();
    for (String coordinate : deprecatedCoordinates(provider)) {
      result.addAll(usages(coordinate));
    }
    return result;
  }

  /** The deprecated fields and arguments of the provider's newest schema, sorted; empty without a schema. */
  public List<String> deprecatedCoordinates(String provider) {
    return database.read(tx -> {
      var version = storage.graphql().latestSchemaVersion(tx, provider);
      if (version.isEmpty()) {
        return List.<String>of();
      }
      Schema schema = SchemaLoader.fromSdl(storage.graphql().schema(tx, version.get()).orElseThrow(), provider);
      List<String> coordinates = new ArrayList<>();
      for (GraphQLType type : schema.graphql().getAllTypesAsList()) {
        if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
          for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
            if (field.isDeprecated()) {
              coordinates.add(SchemaCoordinate.field(object.getName(), field.getName()).toString());
            }
            for (graphql.schema.GraphQLArgument argument : field.getArguments()) {
              if (argument.isDeprecated()) {
                coordinates.add(SchemaCoordinate.argument(object.getName(), field.getName(), argument.getName()).toString());
              }
            }
          }
        }
      }
      coordinates.sort(null);
      return coordinates;
    });
  }
}
