package dev.subpact.graphql.pact;

import au.com.dius.pact.core.model.Consumer;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.HttpRequest;
import au.com.dius.pact.core.model.HttpResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.InvalidPathExpression;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.PathExpressionsKt;
import au.com.dius.pact.core.model.Provider;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.matchingrules.MatchingRules;
import au.com.dius.pact.core.model.matchingrules.MatchingRulesImpl;
import au.com.dius.pact.core.model.v4.MessageContents;
import au.com.dius.pact.core.support.Json;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.operation.DocumentSyntaxException;
import dev.subpact.graphql.operation.GraphqlDocument;
import dev.subpact.graphql.operation.InputLimits;
import dev.subpact.graphql.operation.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads and writes GraphQL pacts: Pact specification V4 files that Pact JVM reads unchanged.
 *
 * <ul>
 *   <li>a subscription over WebSocket is a {@code Synchronous/Messages} interaction whose request
 *       contents are {@code {"query", "operationName", "variables"}} and whose request metadata holds
 *       {@code graphql.transport = websocket}, {@code graphql.path} and {@code graphql.subprotocols}
 *       (and {@code graphql.messages = exact} when the expected messages must be exactly the first
 *       ones received, not found in order among others); the responses are the expected
 *       {@code next} payloads;
 *   <li>a query or mutation is a {@code Synchronous/HTTP} interaction: {@code POST} to the GraphQL
 *       path with the same JSON body.
 * </ul>
 *
 * <p>Reading also accepts what else a provider's pact set holds — REST interactions of Pact V1–V4,
 * V3 message pacts, V4 messages and plugin interactions — as {@link ForeignInteraction}s, kept as
 * written; subpact never writes them.
 *
 * <p>Writing builds Pact JVM's V4 model and serialises it with every object's keys sorted and the
 * interactions sorted by description: the same pact always writes the same bytes.
 */
public final class GraphqlPacts {

  public static final String TRANSPORT_KEY = "graphql.transport";
  public static final String PATH_KEY = "graphql.path";
  public static final String SUBPROTOCOLS_KEY = "graphql.subprotocols";
  /** Request metadata: {@code "exact"} when the expected messages must be the first ones received, in order. */
  public static final String MESSAGES_KEY = "graphql.messages";
  public static final String EXACT = "exact";
  public static final String WEBSOCKET = "websocket";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper PRETTY =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private GraphqlPacts() {}

  // ---------------------------------------------------------------- writing

  /** The pact as V4 JSON text (two-space indent, sorted keys, trailing newline). */
  public static String write(GraphqlPact pact) {
    V4Pact v4 = toPactJvm(pact);
    String pactJvmJson = Json.INSTANCE.toJson(v4.toMap(PactSpecVersion.V4)).serialise();
    try {
      Map<String, Object> tree = JSON.readValue(pactJvmJson, new TypeReference<LinkedHashMap<String, Object>>() {});
      return PRETTY.writeValueAsString(tree).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Pact JVM wrote JSON that cannot be read back", e);
    }
  }

  /** Writes the pact into {@code directory} as {@link GraphqlPact#fileName()}; returns the file. */
  public static Path writeTo(Path directory, GraphqlPact pact) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(pact.fileName());
    Files.writeString(file, write(pact), StandardCharsets.UTF_8);
    return file;
  }

  /** The pact in Pact JVM's V4 model, interactions sorted by description. */
  public static V4Pact toPactJvm(GraphqlPact pact) {
    List<Interaction> interactions = new ArrayList<>();
    for (GraphqlInteraction interaction : pact.interactions()) {
      interactions.add(toPactJvm(interaction));
    }
    Map<String, Object> subpact = new LinkedHashMap<>();
    if (pact.consumerVersion() != null) {
      subpact.put("consumerVersion", pact.consumerVersion());
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (!subpact.isEmpty()) {
      metadata.put("subpact", subpact);
    }
    return new V4Pact(new Consumer(pact.consumer()), new Provider(pact.provider()), interactions, metadata);
  }

  private static Interaction toPactJvm(GraphqlInteraction interaction) {
    List<au.com.dius.pact.core.model.ProviderState> states =
        interaction.providerStates().stream()
            .map(s -> new au.com.dius.pact.core.model.ProviderState(s.name(), s.params()))
            .toList();
    OptionalBody body = jsonBody(requestBody(interaction.operation()));
    String key = interactionKey(interaction);
    if (interaction.transport() instanceof Transport.WebSocket ws) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put(TRANSPORT_KEY, WEBSOCKET);
      metadata.put(PATH_KEY, ws.path());
      metadata.put(SUBPROTOCOLS_KEY, ws.subprotocols());
      if (ws.exactSequence()) {
        metadata.put(MESSAGES_KEY, EXACT);
      }
      MessageContents request = new MessageContents(body, metadata, variableRules(interaction.operation()), new Generators());
      List<MessageContents> responses =
          interaction.expected().stream()
              .map(m -> new MessageContents(jsonBody(m.content()), Map.of(), matchingRules(m), new Generators()))
              .toList();
      return new V4Interaction.SynchronousMessages(
          key, interaction.description(), null, states, new LinkedHashMap<>(), false, request, responses,
          new LinkedHashMap<>(), new au.com.dius.pact.core.model.InteractionMarkup("", ""), null);
    }
    Transport.Http http = (Transport.Http) interaction.transport();
    HttpRequest request =
        new HttpRequest("POST", http.path(), new LinkedHashMap<>(), jsonHeaders(), body, variableRules(interaction.operation()), new Generators());
    HttpResponse response =
        interaction.expected().isEmpty()
            ? new HttpResponse(200, jsonHeaders(), OptionalBody.missing(), new MatchingRulesImpl(), new Generators())
            : new HttpResponse(200, jsonHeaders(), jsonBody(interaction.expected().get(0).content()),
                matchingRules(interaction.expected().get(0)), new Generators());
    V4Interaction.SynchronousHttp result =
        new V4Interaction.SynchronousHttp(key, interaction.description(), states, request, response, null);
    return result;
  }

  private static Map<String, List<String>> jsonHeaders() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("application/json"));
    return headers;
  }

  /** The JSON body a client POSTs or sends in {@code subscribe}: query, operationName, variables. */
  public static Map<String, Object> requestBody(Operation operation) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", operation.document().text());
    body.put("operationName", operation.operationName());
    body.put("variables", operation.variables());
    return body;
  }

  private static OptionalBody jsonBody(Object value) {
    try {
      return OptionalBody.body(JSON.writeValueAsBytes(value), ContentType.Companion.getJSON());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON-serialisable: " + value, e);
    }
  }

  /**
   * The example variables are examples: a {@code type} matcher on each non-null variable
   * ({@code $.variables.name}), so a provider-side tool comparing requests accepts other values of
   * the same type. Derived from the operation, so reading a pact needs nothing back from them.
   */
  private static MatchingRules variableRules(Operation operation) {
    MatchingRulesImpl rules = new MatchingRulesImpl();
    operation.variables().forEach((name, value) -> {
      if (value != null) {
        rules.addCategory("body").addRule("$.variables." + name, au.com.dius.pact.core.model.matchingrules.TypeMatcher.INSTANCE);
      }
    });
    return rules;
  }

  private static MatchingRules matchingRules(ExpectedMessage message) {
    MatchingRulesImpl rules = new MatchingRulesImpl();
    if (!message.matchingRules().isEmpty()) {
      rules.fromV3Json((JsonValue.Object) JsonParser.parseString(message.matchingRules().toString()));
    }
    return rules;
  }

  /** A stable key: the first 16 hex digits of SHA-256 over description, transport and canonical operation. */
  static String interactionKey(GraphqlInteraction interaction) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String material =
          interaction.description() + "\n" + interaction.transport() + "\n"
              + interaction.operation().canonical() + "\n" + interaction.operation().operationName();
      return HexFormat.of().formatHex(sha.digest(material.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- reading

  /** Reads one pact file; a document over the parse limits is an error. */
  public static GraphqlPact read(Path file) {
    return read(file, false);
  }

  /** Reads one pact file, keeping documents over the parse limits as foreign interactions with {@code overLimitKept}. */
  public static GraphqlPact read(Path file, boolean overLimitKept) {
    String text;
    try {
      Optional<String> tooLarge = InputLimits.refusal("Pact file " + file, Files.size(file));
      if (tooLarge.isPresent()) {
        throw new PactFormatException(tooLarge.get());
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PactFormatException("Pact file " + file + " does not exist.");
    } catch (IOException e) {
      throw new PactFormatException("Pact file " + file + " cannot be read: " + e.getMessage(), e);
    }
    return parse(text, file.toString(), overLimitKept);
  }

  /**
   * Reads every {@code *.json} pact in the given files and directories (directories recursively,
   * sorted by path). A directory without pacts is no error: a provider has no contracts yet.
   */
  public static List<GraphqlPact> readAll(List<Path> filesOrDirectories) {
    return readAll(filesOrDirectories, false);
  }

  /** As {@link #readAll(List)}, keeping documents over the parse limits as foreign interactions with {@code overLimitKept}. */
  public static List<GraphqlPact> readAll(List<Path> filesOrDirectories, boolean overLimitKept) {
    List<GraphqlPact> pacts = new ArrayList<>();
    for (Path path : filesOrDirectories) {
      if (Files.isDirectory(path)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
          files = walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
          throw new PactFormatException("Pact directory " + path + " cannot be listed: " + e.getMessage(), e);
        }
        files.forEach(f -> pacts.add(read(f, overLimitKept)));
      } else {
        pacts.add(read(path, overLimitKept));
      }
    }
    return pacts;
  }

  /** Parses pact JSON text; {@code origin} names it in messages. A document over the parse limits is an error. */
  public static GraphqlPact parse(String json, String origin) {
    return parse(json, origin, false);
  }

  /**
   * Parses pact JSON text; {@code origin} names it in messages. With {@code overLimitKept}, an
   * interaction whose document is over the parse limits is kept as a {@link ForeignInteraction.Kind#OVER_LIMIT}
   * foreign interaction (so that {@code check} and {@code verify} report it and go on with the others);
   * without, it is a {@link PactFormatException}.
   */
  public static GraphqlPact parse(String json, String origin, boolean overLimitKept) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new PactFormatException(
          "Pact file " + origin + " is not valid JSON" + JsonErrors.at(e) + ": " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new PactFormatException("Pact file " + origin + " is not a JSON object.");
    }
    String consumer = requiredText(root.path("consumer"), "name", origin, "consumer.name");
    String provider = requiredText(root.path("provider"), "name", origin, "provider.name");
    JsonNode interactions = root.get("interactions");
    JsonNode messages = root.get("messages");
    if ((interactions == null || !interactions.isArray()) && (messages == null || !messages.isArray())) {
      throw new PactFormatException("Pact file " + origin + " has no \"interactions\" array (nor a V3 message pact's \"messages\").");
    }
    String specification = specification(root);
    List<GraphqlInteraction> parsed = new ArrayList<>();
    List<ForeignInteraction> foreign = new ArrayList<>();
    if (interactions != null && interactions.isArray()) {
      for (int i = 0; i < interactions.size(); i++) {
        JsonNode node = interactions.get(i);
        String where = origin + " interaction #" + (i + 1);
        ForeignInteraction other = foreign(node, specification, where);
        if (other != null) {
          foreign.add(other);
        } else {
          try {
            parsed.add(parseInteraction(node, where));
          } catch (PactFormatException e) {
            if (!overLimitKept || !(e.getCause() instanceof DocumentSyntaxException d && d.overLimit())) {
              throw e;
            }
            foreign.add(new ForeignInteraction(description(node, where), ForeignInteraction.Kind.OVER_LIMIT, e.getMessage(),
                states(node), node.toString(), specification));
          }
        }
      }
    }
    if (messages != null && messages.isArray()) {
      for (int i = 0; i < messages.size(); i++) {
        JsonNode node = messages.get(i);
        foreign.add(new ForeignInteraction(description(node, origin + " message #" + (i + 1)), ForeignInteraction.Kind.MESSAGE,
            "message", states(node), node.toString(), specification));
      }
    }
    JsonNode subpact = root.path("metadata").path("subpact");
    JsonNode version = subpact.path("consumerVersion");
    return new GraphqlPact(consumer, provider, version.isTextual() ? version.asText() : null, parsed, foreign,
        subpact.path("pending").asBoolean(false));
  }

  /**
   * The pact's specification version as its metadata gives it ({@code pactSpecification}, or the
   * older {@code pact-specification}); {@code 4.0} when a V4 pact leaves it out, {@code 2.0.0} for
   * the oldest pacts, which name none.
   */
  private static String specification(JsonNode root) {
    JsonNode metadata = root.path("metadata");
    for (String key : List.of("pactSpecification", "pact-specification", "pactSpecificationVersion")) {
      JsonNode value = metadata.path(key);
      if (value.path("version").isTextual()) {
        return value.path("version").asText();
      }
      if (value.isTextual()) {
        return value.asText();
      }
    }
    for (JsonNode interaction : root.path("interactions")) {
      if (interaction.has("type")) {
        return "4.0";
      }
    }
    return "2.0.0";
  }

  /**
   * The interaction as a foreign one when it is not a GraphQL operation; {@code null} when it is.
   * GraphQL is a V4 {@code Synchronous/Messages} interaction with subpact's {@code graphql.*}
   * metadata or a JSON {@code "query"} body, or a V4 {@code Synchronous/HTTP} {@code POST} whose
   * JSON body has a {@code "query"} string; a malformed one of those is still an error, never
   * passed over as foreign.
   */
  private static ForeignInteraction foreign(JsonNode node, String specification, String where) {
    String type = node.path("type").asText("");
    JsonNode request = node.path("request");
    return switch (type) {
      case "Synchronous/Messages" -> {
        JsonNode metadata = request.path("metadata");
        boolean subpactMetadata = metadata.has(TRANSPORT_KEY) || metadata.has(PATH_KEY) || metadata.has(SUBPROTOCOLS_KEY);
        boolean websocket = WEBSOCKET.equals(metadata.path(TRANSPORT_KEY).asText(WEBSOCKET));
        if (subpactMetadata ? websocket : hasQuery(request.path("contents"))) {
          yield null;
        }
        yield foreign(node, plugin(node) ? ForeignInteraction.Kind.OTHER : ForeignInteraction.Kind.MESSAGE,
            type + (plugin(node) ? " (plugin " + pluginName(node) + ")" : ""), specification, where);
      }
      case "Synchronous/HTTP" -> {
        if ("POST".equalsIgnoreCase(request.path("method").asText()) && hasQuery(request.path("body"))) {
          yield null;
        }
        yield foreign(node, plugin(node) ? ForeignInteraction.Kind.OTHER : ForeignInteraction.Kind.HTTP,
            http(request) + (plugin(node) ? " (plugin " + pluginName(node) + ")" : ""), specification, where);
      }
      case "Asynchronous/Messages" -> foreign(node, plugin(node) ? ForeignInteraction.Kind.OTHER : ForeignInteraction.Kind.MESSAGE,
          type + (plugin(node) ? " (plugin " + pluginName(node) + ")" : ""), specification, where);
      case "" -> request.isObject() && node.path("response").isObject()
          ? foreign(node, ForeignInteraction.Kind.HTTP, http(request), specification, where)
          : foreign(node, ForeignInteraction.Kind.MESSAGE, "message", specification, where);
      default -> foreign(node, ForeignInteraction.Kind.OTHER, type, specification, where);
    };
  }

  private static ForeignInteraction foreign(JsonNode node, ForeignInteraction.Kind kind, String summary, String specification, String where) {
    return new ForeignInteraction(description(node, where), kind, summary, states(node), node.toString(), specification);
  }

  private static String http(JsonNode request) {
    return "HTTP " + request.path("method").asText("GET").toUpperCase(java.util.Locale.ROOT) + " " + request.path("path").asText("/");
  }

  /** A V4 interaction that a Pact plugin (gRPC, Protobuf, …) wrote: only that plugin can verify it. */
  private static boolean plugin(JsonNode node) {
    JsonNode config = node.path("pluginConfiguration");
    return config.isObject() && config.size() > 0;
  }

  private static String pluginName(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.path("pluginConfiguration").fieldNames().forEachRemaining(names::add);
    return String.join(", ", names);
  }

  /** Whether a V4 body ({@code {"content", …}}) is a JSON object with a {@code "query"} string. */
  private static boolean hasQuery(JsonNode body) {
    JsonNode content = body.get("content");
    if (content == null) {
      return false;
    }
    if (content.isTextual()) {
      try {
        content = contents(body, "");
      } catch (PactFormatException | IllegalArgumentException e) {
        return false;
      }
    }
    return content.path("query").isTextual();
  }

  private static String description(JsonNode node, String where) {
    String description = node.path("description").asText(null);
    if (description == null) {
      throw new PactFormatException(where + " has no \"description\".");
    }
    return description;
  }

  /** The provider states: V3/V4 {@code providerStates} (name and params), or V2's single {@code providerState} name. */
  private static List<ProviderState> states(JsonNode node) {
    List<ProviderState> states = new ArrayList<>();
    for (JsonNode state : node.path("providerStates")) {
      states.add(new ProviderState(state.path("name").asText(), toMap(state.path("params"))));
    }
    if (states.isEmpty() && node.path("providerState").isTextual()) {
      states.add(ProviderState.of(node.get("providerState").asText()));
    }
    return states;
  }

  private static GraphqlInteraction parseInteraction(JsonNode node, String where) {
    String description = description(node, where);
    String at = where + " (\"" + description + "\")";
    String type = node.path("type").asText("");
    List<ProviderState> states = states(node);
    return switch (type) {
      case "Synchronous/Messages" -> {
        JsonNode request = node.path("request");
        JsonNode metadata = request.path("metadata");
        List<String> subprotocols = new ArrayList<>();
        metadata.path(SUBPROTOCOLS_KEY).forEach(p -> subprotocols.add(p.asText()));
        String messages = metadata.path(MESSAGES_KEY).asText("in-order");
        if (!messages.equals(EXACT) && !messages.equals("in-order")) {
          throw new PactFormatException(at + " has \"" + MESSAGES_KEY + "\" = " + metadata.get(MESSAGES_KEY)
              + "; write \"exact\" (the expected messages are the first ones received) or leave it out (each found, in order, among the others).");
        }
        Operation operation = operation(contents(request.path("contents"), at), at);
        List<ExpectedMessage> expected = new ArrayList<>();
        for (JsonNode response : node.path("response")) {
          expected.add(new ExpectedMessage(contents(response.path("contents"), at), rules(response.path("matchingRules"), at)));
        }
        yield new GraphqlInteraction(description, states,
            operation, new Transport.WebSocket(metadata.path(PATH_KEY).asText(Transport.CONVENTIONAL_PATH), subprotocols, messages.equals(EXACT)), expected);
      }
      case "Synchronous/HTTP" -> {
        JsonNode request = node.path("request");
        Operation operation = operation(contents(request.path("body"), at), at);
        JsonNode response = node.path("response");
        List<ExpectedMessage> expected = new ArrayList<>();
        JsonNode body = response.path("body");
        if (!body.isMissingNode() && !body.path("content").isMissingNode()) {
          expected.add(new ExpectedMessage(contents(body, at), rules(response.path("matchingRules"), at)));
        }
        yield new GraphqlInteraction(description, states, operation, new Transport.Http(request.path("path").asText(Transport.CONVENTIONAL_PATH)), expected);
      }
      default -> throw new IllegalStateException(at + " of type \"" + type + "\" is not GraphQL: it should have been read as foreign");
    };
  }

  /** The JSON content of a V4 body ({@code {"content", "contentType", "encoded"}}). */
  private static JsonNode contents(JsonNode body, String at) {
    JsonNode content = body.get("content");
    if (content == null) {
      throw new PactFormatException(at + " has no GraphQL body: expected contents {\"query\", \"operationName\", \"variables\"}.");
    }
    if (content.isTextual()) {
      String encoded = body.path("encoded").asText("false");
      String text = content.asText();
      if ("base64".equalsIgnoreCase(encoded)) {
        text = new String(java.util.Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
      }
      try {
        return JSON.readTree(text);
      } catch (JsonProcessingException e) {
        throw new PactFormatException(at + " has a body that is not JSON: " + e.getOriginalMessage(), e);
      }
    }
    return content;
  }

  private static Operation operation(JsonNode content, String at) {
    JsonNode query = content.get("query");
    if (query == null || !query.isTextual()) {
      throw new PactFormatException(at + " has no GraphQL body: the request JSON has no \"query\" string.");
    }
    JsonNode name = content.get("operationName");
    try {
      return new Operation(GraphqlDocument.parse(query.asText()),
          name == null || name.isNull() ? null : name.asText(), toMap(content.path("variables")));
    } catch (DocumentSyntaxException e) {
      if (e.overLimit()) {
        throw new PactFormatException(at + " has a query subpact does not read: " + e.getMessage(), e);
      }
      throw new PactFormatException(at + " has a query with a syntax error at line " + e.line()
          + ", column " + e.column() + ": " + e.getMessage(), e);
    }
  }

  /** The matching rules, their body paths checked with Pact's own path parser so a bad one is named here, not mid-replay. */
  private static ObjectNode rules(JsonNode node, String at) {
    if (!(node instanceof ObjectNode object)) {
      return null;
    }
    for (Iterator<String> paths = object.path("body").fieldNames(); paths.hasNext(); ) {
      String path = paths.next();
      if (READABLE_PATHS.contains(path)) {
        continue;
      }
      try {
        PathExpressionsKt.parsePath(path);
      } catch (InvalidPathExpression e) {
        throw new PactFormatException(at + " has a body matching rule at " + path + " that Pact cannot read: " + e.getMessage()
            + " (Pact paths have no escapes: rule the enclosing object instead).", e);
      }
      if (READABLE_PATHS.size() >= READABLE_PATHS_LIMIT) {
        READABLE_PATHS.clear();
      }
      READABLE_PATHS.add(path);
    }
    return object;
  }

  /**
   * Rule paths Pact's parser has read already: the pacts of one client kit repeat the same few, so
   * reading many pacts parses each path once. Bounded, for long-running processes (the broker).
   */
  private static final Set<String> READABLE_PATHS = ConcurrentHashMap.newKeySet();
  private static final int READABLE_PATHS_LIMIT = 4096;

  private static Map<String, Object> toMap(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Map.of();
    }
    return JSON.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  private static String requiredText(JsonNode parent, String field, String origin, String path) {
    JsonNode value = parent.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new PactFormatException("Pact file " + origin + " has no \"" + path + "\".");
    }
    return value.asText();
  }
}
