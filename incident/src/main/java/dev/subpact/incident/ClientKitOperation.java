package dev.subpact.incident;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.operation.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One operation of the bots' client kit (flexus-client-kit) as it travels on the wire, loaded from
 * the ckit fixtures on the classpath ({@code /dev/subpact/incident/ckit/}).
 */
public enum ClientKitOperation {
  KAREN_THREADS_BEFORE_RENAME("KarenThreads.before-rename"),
  KAREN_THREADS_AFTER_RENAME("KarenThreads.after-rename"),
  DELETE_EMESSAGES_BEFORE_RENAME("DeleteEmessages.before-rename"),
  DELETE_EMESSAGES_AFTER_RENAME("DeleteEmessages.after-rename");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WIRE_KEY = "wire_query_graphql_core_3.2.8";

  private final String fixture;

  ClientKitOperation(String fixture) {
    this.fixture = fixture;
  }

  /** The fixture's base name, e.g. {@code KarenThreads.before-rename}. */
  public String fixture() {
    return fixture;
  }

  /** The classpath resource of the fixture's JSON. */
  public String resource() {
    return "/dev/subpact/incident/ckit/" + fixture + ".json";
  }

  /** The exact text graphql-core 3.2 prints, which is what the bots' {@code gql} library sends. */
  public String wireText() {
    return json().get(WIRE_KEY).asText();
  }

  /** The operation name the client kit sends. */
  public String operationName() {
    return json().get("operationName").asText();
  }

  /** The wire operation with the given variables (the fixture's example variables when {@code null}). */
  public Operation operation(Map<String, Object> variables) {
    return Operation.of(wireText(), operationName(), variables == null ? exampleVariables() : variables);
  }

  /** The fixture's example variables, in the client kit's order. */
  public Map<String, Object> exampleVariables() {
    return JSON.convertValue(json().get("variables"), new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  private JsonNode json() {
    try (InputStream in = ClientKitOperation.class.getResourceAsStream(resource())) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + resource());
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource(), e);
    }
  }
}
