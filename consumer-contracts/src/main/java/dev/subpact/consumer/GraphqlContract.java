package dev.subpact.consumer;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.capture.ExampleData;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.StaticChecker;
import dev.subpact.graphql.operation.DocumentSyntaxException;
import dev.subpact.graphql.operation.GraphqlDocument;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.operation.OperationType;
import dev.subpact.graphql.pact.ExpectedMessage;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.ProviderState;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.graphql.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * The JUnit 5 consumer DSL for bot teams who write their tests in Java: builds a bot's GraphQL
 * contract from the bot's own {@code .graphql} files (never a retyped string), example variables
 * and the expected message shapes written with Pact JVM's {@code PactDslJsonBody}, and writes the
 * same V4 pact format {@code subpact capture} writes.
 *
 * <pre>{@code
 * GraphqlPact pact = GraphqlContract.between("chat-bot", "chat-backend").consumerVersion("1.2.3")
 *     .subscription("MessageAdded subscription")
 *         .document(Path.of("src/main/graphql/MessageAdded.graphql"))
 *         .variables(Map.of("room", "general"))
 *         .overWebSocket("graphql-ws", "graphql-transport-ws")
 *         .expects(new PactDslJsonBody().object("data").object("message_added")
 *             .stringType("text", "hello").closeObject().closeObject())
 *     .and()
 *     .checkedAgainst(schema)   // optional: fails the test with the backend's wording
 *     .toPact();
 * }</pre>
 */
public final class GraphqlContract {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String consumer;
  private final String provider;
  private String consumerVersion;
  private final List<GraphqlInteraction> interactions = new ArrayList<>();

  private GraphqlContract(String consumer, String provider) {
    this.consumer = consumer;
    this.provider = provider;
  }

  public static GraphqlContract between(String consumer, String provider) {
    return new GraphqlContract(consumer, provider);
  }

  public GraphqlContract consumerVersion(String version) {
    this.consumerVersion = version;
    return this;
  }

  /** A subscription over WebSocket. */
  public InteractionBuilder subscription(String description) {
    return new InteractionBuilder(this, description, OperationType.SUBSCRIPTION);
  }

  /** A query over HTTP POST. */
  public InteractionBuilder query(String description) {
    return new InteractionBuilder(this, description, OperationType.QUERY);
  }

  /** A mutation over HTTP POST. */
  public InteractionBuilder mutation(String description) {
    return new InteractionBuilder(this, description, OperationType.MUTATION);
  }

  /**
   * Fails (an assertion failure, as JUnit reports a broken contract) when any operation is invalid
   * against {@code schema}, listing every error in the backend's wording.
   */
  public GraphqlContract checkedAgainst(Schema schema) {
    StaticChecker checker = StaticChecker.of(schema);
    List<String> problems = new ArrayList<>();
    for (GraphqlInteraction interaction : interactions) {
      for (Finding finding : checker.check(interaction.operation())) {
        if (finding.isError()) {
          problems.add(interaction.description() + ": " + finding.message());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionFailedError(consumer + "'s contract with " + provider + " breaks against schema "
          + schema.origin() + ":\n  " + String.join("\n  ", problems));
    }
    return this;
  }

  /** The contract as subpact's pact value. */
  public GraphqlPact toPact() {
    return new GraphqlPact(consumer, provider, consumerVersion, interactions);
  }

  /** The contract in Pact JVM's V4 model. */
  public V4Pact toPactJvm() {
    return GraphqlPacts.toPactJvm(toPact());
  }

  /** Writes {@code consumer-provider.json} into {@code directory}; returns the file. */
  public Path writeTo(Path directory) throws IOException {
    return GraphqlPacts.writeTo(directory, toPact());
  }

  /** One interaction being described; {@link #and()} returns to the contract. */
  public static final class InteractionBuilder {
    private final GraphqlContract contract;
    private final String description;
    private final OperationType type;
    private String text;
    private String origin;
    private String operationName;
    private Map<String, Object> variables = new LinkedHashMap<>();
    private final List<ProviderState> states = new ArrayList<>();
    private final List<ExpectedMessage> expected = new ArrayList<>();
    private Transport transport;
    private Schema selectionSchema;

    private InteractionBuilder(GraphqlContract contract, String description, OperationType type) {
      this.contract = contract;
      this.description = description;
      this.type = type;
      this.transport = type == OperationType.SUBSCRIPTION
          ? new Transport.WebSocket(Transport.CONVENTIONAL_PATH, Transport.SUBPROTOCOLS)
          : new Transport.Http(Transport.CONVENTIONAL_PATH);
    }

    /** The bot's own {@code .graphql} file, read as it is. */
    public InteractionBuilder document(Path file) {
      try {
        return document(Files.readString(file, StandardCharsets.UTF_8), file.toString());
      } catch (IOException e) {
        throw new IllegalArgumentException("GraphQL document " + file + " cannot be read: " + e.getMessage(), e);
      }
    }

    /** A {@code .graphql} file on the classpath (e.g. the bot's {@code src/main/resources}). */
    public InteractionBuilder documentResource(String resource) {
      try (InputStream in = InteractionBuilder.class.getResourceAsStream(resource.startsWith("/") ? resource : "/" + resource)) {
        if (in == null) {
          throw new IllegalArgumentException("GraphQL document " + resource + " is not on the classpath.");
        }
        return document(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource);
      } catch (IOException e) {
        throw new IllegalArgumentException("GraphQL document " + resource + " cannot be read: " + e.getMessage(), e);
      }
    }

    private InteractionBuilder document(String documentText, String from) {
      this.text = documentText;
      this.origin = from;
      return this;
    }

    /** Which operation of the document (needed when it defines several). */
    public InteractionBuilder operationName(String name) {
      this.operationName = name;
      return this;
    }

    /** Example variables, as the bot sends them. */
    public InteractionBuilder variables(Map<String, ?> values) {
      this.variables = new LinkedHashMap<>(values);
      return this;
    }

    /** A provider state the backend must be in. */
    public InteractionBuilder given(String state, Map<String, ?> params) {
      states.add(new ProviderState(state, new LinkedHashMap<>(params)));
      return this;
    }

    /** The WebSocket subprotocols the bot offers, in its order (subscriptions). */
    public InteractionBuilder overWebSocket(String... subprotocols) {
      this.transport = new Transport.WebSocket(transport.path(), List.of(subprotocols));
      return this;
    }

    /** The GraphQL path (default {@code /graphql}). */
    public InteractionBuilder path(String path) {
      this.transport = transport instanceof Transport.WebSocket ws ? new Transport.WebSocket(path, ws.subprotocols()) : new Transport.Http(path);
      return this;
    }

    /** One expected result (a subscription's next payload, or the HTTP body), shaped with Pact JVM's DSL. */
    public InteractionBuilder expects(DslPart shape) {
      DslPart root = shape;
      while (root.getParent() != null) {
        root = root.getParent();
      }
      try {
        JsonNode content = JSON.readTree(root.getBody().serialise());
        ObjectNode rules = JSON.createObjectNode();
        ObjectNode body = JSON.createObjectNode();
        // Pact JVM's DSL keys body rules from "." and adds the "$" root when attaching the body.
        root.getMatchers().toMap(PactSpecVersion.V4).forEach((path, rule) ->
            body.set(path.startsWith("$") ? path : "$" + path, JSON.valueToTree(rule)));
        if (!body.isEmpty()) {
          rules.set("body", body);
        }
        expected.add(new ExpectedMessage(content, rules));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Pact JVM built a body that is not JSON: " + e.getMessage(), e);
      }
      return this;
    }

    /**
     * The expected result built from the document's selection and the backend's schema, as
     * {@code subpact capture --schema} records it: every selected field (nullable ones too, one
     * element per list) with a {@code type} matcher, so the contract covers all the bot reads.
     */
    public InteractionBuilder expectsEverySelectedField(Schema schema) {
      this.selectionSchema = schema;
      return this;
    }

    /** Finishes this interaction and returns to the contract. */
    public GraphqlContract and() {
      if (text == null) {
        throw new IllegalStateException("Interaction '" + description + "' has no document: call document(Path) with the bot's own .graphql file.");
      }
      Operation operation;
      try {
        operation = new Operation(GraphqlDocument.parse(text), operationName, variables);
      } catch (DocumentSyntaxException e) {
        throw new IllegalArgumentException(origin + " is not GraphQL (line " + e.line() + ", column " + e.column() + "): " + e.getMessage(), e);
      }
      if (operationName == null) {
        operation = new Operation(operation.document(), operation.definition().getName(), variables);
      }
      if (operation.type() != type) {
        throw new IllegalArgumentException("Interaction '" + description + "' is declared a " + type.keyword() + " but "
            + origin + " defines a " + operation.type().keyword() + ".");
      }
      List<String> declared = operation.definition().getVariableDefinitions().stream().map(v -> v.getName()).toList();
      List<String> unknown = variables.keySet().stream().filter(v -> !declared.contains(v)).sorted().toList();
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("Interaction '" + description + "' gives variables " + unknown + " that "
            + origin + " does not declare (it declares " + declared.stream().collect(Collectors.joining(", ", "[", "]")) + ").");
      }
      if (selectionSchema != null) {
        expected.add(ExampleData.expectedMessage(operation, selectionSchema.graphql()));
      }
      contract.interactions.add(new GraphqlInteraction(description, states, operation, transport, expected));
      return contract;
    }
  }
}
