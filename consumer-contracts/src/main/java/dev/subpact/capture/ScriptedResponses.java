package dev.subpact.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers a capture sends, by operation name, read from a {@code --responses} file:
 *
 * <pre>{@code
 * {
 *   "MessageAdded":   [ {"data": {...}}, {"data": {...}} ],   // pushed in order
 *   "RemoveMessages": {"data": {"messages_remove": true}}     // one result
 * }
 * }</pre>
 *
 * Each result is a GraphQL execution result ({@code data}, optionally {@code errors}).
 */
public final class ScriptedResponses {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ScriptedResponses NONE = new ScriptedResponses(Map.of());

  private final Map<String, List<JsonNode>> byOperationName;

  private ScriptedResponses(Map<String, List<JsonNode>> byOperationName) {
    this.byOperationName = byOperationName;
  }

  public static ScriptedResponses none() {
    return NONE;
  }

  /**
   * Reads a responses file.
   *
   * @throws IllegalArgumentException naming the file and the problem when it cannot be used
   */
  public static ScriptedResponses read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("Responses file " + file + " cannot be read: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Parses the JSON text of a responses file; {@code origin} names it in messages. */
  public static ScriptedResponses parse(String json, String origin) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Responses file " + origin + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("Responses file " + origin
          + " must be a JSON object keyed by operation name, e.g. {\"MessageAdded\": [{\"data\": {...}}]}.");
    }
    Map<String, List<JsonNode>> answers = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      List<JsonNode> results = new ArrayList<>();
      if (entry.getValue().isArray()) {
        entry.getValue().forEach(results::add);
      } else {
        results.add(entry.getValue());
      }
      for (JsonNode result : results) {
        if (!result.isObject() || !(result.has("data") || result.has("errors"))) {
          throw new IllegalArgumentException("Responses file " + origin + ": the answer to " + entry.getKey()
              + " must be a GraphQL result {\"data\": ...} (or a list of them), not " + result);
        }
      }
      if (results.isEmpty()) {
        throw new IllegalArgumentException("Responses file " + origin + ": the answer list of " + entry.getKey() + " is empty.");
      }
      answers.put(entry.getKey(), List.copyOf(results));
    }
    return new ScriptedResponses(Collections.unmodifiableMap(answers));
  }

  /** The scripted results for {@code operationName}, in order; empty when none is scripted. */
  public List<JsonNode> resultsFor(String operationName) {
    return operationName == null ? List.of() : byOperationName.getOrDefault(operationName, List.of());
  }
}
