package dev.subpact.broker.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.error.BrokerException;
import dev.subpact.broker.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A validated pact document in canonical form (keys sorted), addressed by the SHA-256 of that
 * form: publishing the same content twice stores it once.
 */
public record PactContent(String canonical, String sha) {

  /** Validates {@code pact} as a pact between {@code consumer} and {@code provider}. */
  public static PactContent of(JsonNode pact, String consumer, String provider) {
    List<String> problems = new ArrayList<>();
    if (pact == null || !pact.isObject()) {
      throw BrokerException.invalid("The pact must be a JSON object with consumer, provider and"
          + " interactions (or messages); got " + (pact == null ? "nothing" : pact.getNodeType()) + ".");
    }
    check(pact, "consumer", consumer, problems);
    check(pact, "provider", provider, problems);
    JsonNode interactions = pact.get("interactions");
    JsonNode messages = pact.get("messages");
    if ((interactions == null || !interactions.isArray()) && (messages == null || !messages.isArray())) {
      problems.add("The pact has no 'interactions' (or 'messages') array.");
    }
    if (interactions != null && interactions.isArray()) {
      for (int i = 0; i < interactions.size(); i++) {
        if (!interactions.get(i).isObject()) {
          problems.add("Interaction " + i + " is not a JSON object.");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw BrokerException.invalid("Invalid pact: " + String.join(" ", problems));
    }
    String canonical = Json.write(Json.canonical(pact));
    return new PactContent(canonical, sha256(canonical));
  }

  private static void check(JsonNode pact, String role, String expected, List<String> problems) {
    String name = Json.text(pact.get(role), "name");
    if (name == null) {
      problems.add("The pact has no " + role + ".name.");
    } else if (expected != null && !name.equals(expected)) {
      problems.add("The pact's " + role + ".name is '" + name + "' but it is published as the "
          + role + " '" + expected + "'.");
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
