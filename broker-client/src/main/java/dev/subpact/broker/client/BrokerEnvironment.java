package dev.subpact.broker.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A broker environment (where versions are deployed or released).
 *
 * @param uuid the broker's id, {@code null} before it is created
 * @param name the name scripts use, e.g. {@code staging}
 * @param displayName a readable name, or {@code null}
 * @param production whether it is a production environment
 */
public record BrokerEnvironment(String uuid, String name, String displayName, boolean production) {

  static BrokerEnvironment of(JsonNode json) {
    JsonNode displayName = json.path("displayName");
    return new BrokerEnvironment(json.path("uuid").asText(null), json.path("name").asText(),
        displayName.isTextual() ? displayName.asText() : null, json.path("production").asBoolean(false));
  }
}
