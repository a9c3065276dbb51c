package dev.subpact.graphql.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionQueryBuilder;
import graphql.introspection.IntrospectionResultToSchema;
import dev.subpact.graphql.operation.InputLimits;
import dev.subpact.graphql.operation.ParseLimits;
import dev.subpact.graphql.pact.JsonErrors;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.FastSchemaGenerator;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads a schema from SDL text, an SDL file, an introspection-result JSON file or an http(s) URL
 * (introspected with a POST). Every failure is a {@link SchemaLoadException} naming the source.
 */
public final class SchemaLoader {

  /** Jackson starts only when JSON is read: checking SDL and .graphql files does not pay for it. */
  private static final class Lazy {
    static final ObjectMapper JSON = new ObjectMapper();
  }
  private static final Duration URL_TIMEOUT = Duration.ofSeconds(10);
  /** The introspection query for servers that do not know {@code args(includeDeprecated:)}. */
  public static final String WITHOUT_INPUT_VALUE_DEPRECATIONS =
      IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options.defaultOptions().inputValueDeprecation(false));

  private SchemaLoader() {}

  /** Loads from a file path or an {@code http(s)://} URL. */
  public static Schema load(String source) {
    return load(source, Map.of());
  }

  /** {@link #load(String)}, sending {@code headers} when {@code source} is a URL to introspect. */
  public static Schema load(String source, Map<String, String> headers) {
    if (source.startsWith("http://") || source.startsWith("https://")) {
      return fromUrl(URI.create(source), headers);
    }
    return fromFile(Path.of(source));
  }

  /** Loads an SDL file, or an introspection result when the file holds JSON. */
  public static Schema fromFile(Path file) {
    String text;
    try {
      Optional<String> tooLarge = InputLimits.refusal("Schema file " + file, Files.size(file));
      if (tooLarge.isPresent()) {
        throw new SchemaLoadException(tooLarge.get());
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SchemaLoadException("Schema file " + file + " does not exist.");
    } catch (IOException e) {
      throw new SchemaLoadException("Schema file " + file + " cannot be read: " + e.getMessage(), e);
    }
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("{")) {
      return fromIntrospectionJson(text, file.toString());
    }
    return fromSdl(text, file.toString());
  }

  /** Parses SDL text; {@code origin} names it in messages. */
  public static Schema fromSdl(String sdl, String origin) {
    if (sdl.isBlank()) {
      throw new SchemaLoadException("Schema " + origin + " is empty: expected GraphQL SDL or an introspection result.");
    }
    ParseLimits.TooDeep tooDeep = ParseLimits.tooDeep(sdl);
    if (tooDeep != null) {
      throw new SchemaLoadException("Schema " + origin + " is not valid GraphQL SDL: it " + tooDeep.describe() + ".");
    }
    try {
      TypeDefinitionRegistry registry = new SchemaParser().parse(new java.io.StringReader(sdl), ParseLimits.SDL);
      // Validation needs no resolvers: mocked wiring, and graphql-java's faster generator (start-up matters for `check`).
      GraphQLSchema schema = new FastSchemaGenerator()
          .makeExecutableSchema(SchemaGenerator.Options.defaultOptions(), registry, RuntimeWiring.MOCKED_WIRING);
      return new Schema(schema, origin, sdl);
    } catch (SchemaProblem e) {
      String problems =
          e.getErrors().stream().map(SchemaLoader::describe).collect(Collectors.joining("; "));
      throw new SchemaLoadException("Schema " + origin + " is not valid GraphQL SDL: " + problems, e);
    } catch (RuntimeException e) {
      throw new SchemaLoadException("Schema " + origin + " is not valid GraphQL SDL: " + e.getMessage(), e);
    }
  }

  /** Reads {@code {"data": {"__schema": …}}} or {@code {"__schema": …}}. */
  public static Schema fromIntrospectionJson(String json, String origin) {
    JsonNode root;
    try {
      root = Lazy.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SchemaLoadException("Schema " + origin + " is not valid JSON" + JsonErrors.at(e) + ": " + e.getOriginalMessage(), e);
    }
    JsonNode schemaNode = root.has("data") ? root.get("data") : root;
    if (schemaNode == null || !schemaNode.has("__schema")) {
      if (root.has("errors")) {
        throw new SchemaLoadException("Introspection of " + origin + " failed: " + root.get("errors"));
      }
      throw new SchemaLoadException(
          "Schema " + origin + " is JSON but not an introspection result: expected an object with \"__schema\" (or \"data\".\"__schema\").");
    }
    JsonNode types = schemaNode.get("__schema").get("types");
    if (types == null || !types.isArray()) {
      throw new SchemaLoadException("Schema " + origin + " is an introspection result without \"__schema\".\"types\" (a list of "
          + "the schema's types): introspect with the full introspection query (graphql-js getIntrospectionQuery(), "
          + "graphql-java IntrospectionQuery), or export the schema as SDL.");
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> introspection = Lazy.JSON.convertValue(schemaNode, Map.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> schema = (Map<String, Object>) introspection.get("__schema");
      Document document = InputValueDeprecations.restore(schema, new IntrospectionResultToSchema().createSchemaDefinition(introspection));
      String sdl = graphql.language.AstPrinter.printAst(document);
      Schema fromSdl = fromSdl(sdl, origin);
      return new Schema(fromSdl.graphql(), origin, new SchemaPrinter().print(fromSdl.graphql()));
    } catch (SchemaLoadException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SchemaLoadException("Schema " + origin + " is not a usable introspection result: " + e.getMessage(), e);
    }
  }

  /**
   * Introspects a running GraphQL endpoint over HTTP POST with graphql-java's query, which asks for
   * deprecated arguments and input fields too; a server that does not know
   * {@code args(includeDeprecated:)} is asked again without them.
   */
  public static Schema fromUrl(URI url) {
    return fromUrl(url, Map.of());
  }

  /**
   * {@link #fromUrl(URI)} sending {@code headers} (e.g. {@code Authorization}) with each request;
   * their values are never put in a message. HTTP/1.1: with its default HTTP/2 the JDK client offers
   * an {@code h2c} upgrade on cleartext requests, which a Node server with {@code ws} on the same
   * port answers 405.
   */
  public static Schema fromUrl(URI url, Map<String, String> headers) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(URL_TIMEOUT).build();
    Answer response = introspect(client, url, IntrospectionQuery.INTROSPECTION_QUERY, headers);
    if (response.status() != 200 || !response.body().contains("\"__schema\"")) {
      response = introspect(client, url, WITHOUT_INPUT_VALUE_DEPRECATIONS, headers);
    }
    if (response.status() != 200) {
      throw new SchemaLoadException(
          "Cannot introspect " + url + ": HTTP " + response.status() + ". Is introspection enabled on the backend?");
    }
    return fromIntrospectionJson(response.body(), url.toString());
  }

  /** An introspection answer: its status and body, read up to {@link InputLimits#maxBytes()}. */
  private record Answer(int status, String body) {}

  private static Answer introspect(HttpClient client, URI url, String query, Map<String, String> headers) {
    String body;
    try {
      body = Lazy.JSON.writeValueAsString(Map.of("query", query));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(URL_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream answer = response.body()) {
        byte[] bytes = InputLimits.read("The introspection answer of " + url,
            response.headers().firstValueAsLong("Content-Length").orElse(-1), answer, SchemaLoadException::new);
        return new Answer(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new SchemaLoadException(
          "Cannot introspect " + url + ": " + describe(e) + ". Is the backend running and is the URL its GraphQL endpoint?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaLoadException("Interrupted while introspecting " + url, e);
    }
  }

  private static String describe(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "nothing answers there (connection refused)";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "it did not answer within " + URL_TIMEOUT.toSeconds() + "s";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** One SDL problem as a person reads it: {@code line 4, column 1: Invalid syntax …}, without graphql-java's dump. */
  private static String describe(graphql.GraphQLError error) {
    String message = error.getMessage();
    if (error instanceof graphql.InvalidSyntaxError syntax && syntax.getOffendingToken() != null) {
      message = "unexpected '" + syntax.getOffendingToken() + "'";
    }
    message = message.replaceAll("\\s*\\[@\\d+:\\d+]$", "");
    if (error.getLocations() != null && !error.getLocations().isEmpty()) {
      graphql.language.SourceLocation at = error.getLocations().get(0);
      return "line " + at.getLine() + ", column " + at.getColumn() + ": " + message;
    }
    return message;
  }
}
