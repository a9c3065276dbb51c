package dev.subpact.broker.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.error.BrokerException;
import dev.subpact.graphql.pact.JsonErrors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON values: pacts and their canonical form, request bodies, and the HAL documents the API builds. */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw BrokerException.invalid("The body is not valid JSON: " + e.getOriginalMessage() + JsonErrors.at(e) + ".");
    }
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** The same JSON with object keys sorted at every level: the form pact shas are taken of. */
  public static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      ObjectNode sorted = object();
      for (String name : names) {
        sorted.set(name, canonical(node.get(name)));
      }
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode copy = array();
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        copy.add(canonical(it.next()));
      }
      return copy;
    }
    return node;
  }

  /** Text of an optional string field, or null when absent, null or empty. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
  }

  public static ObjectNode link(String href) {
    return object().put("href", href);
  }

  public static ObjectNode link(String href, String title) {
    return link(href).put("title", title);
  }

  public static ObjectNode links(Map<String, ? extends JsonNode> links) {
    ObjectNode node = object();
    links.forEach(node::set);
    return node;
  }
}
