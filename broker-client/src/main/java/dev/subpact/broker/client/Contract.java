package dev.subpact.broker.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.operation.InputLimits;
import dev.subpact.graphql.pact.PactFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One pact file to publish: its bytes exactly as written (the broker stores them as given) and the
 * consumer and provider named inside.
 */
public record Contract(String consumer, String provider, byte[] content, String origin) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Contract {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(content, "content");
  }

  /**
   * Reads a pact file (any Pact specification version).
   *
   * @throws PactFormatException naming the file when it is over subpact's input limit ({@link InputLimits}), unreadable or
   *     names no consumer/provider
   */
  public static Contract read(Path file) {
    byte[] bytes;
    JsonNode root;
    try {
      InputLimits.refusal("Pact file " + file, Files.size(file)).ifPresent(tooLarge -> {
        throw new PactFormatException(tooLarge);
      });
      bytes = Files.readAllBytes(file);
      root = JSON.readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new PactFormatException("Pact file " + file + " is not valid JSON (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*; ", "[")
          + ". Publish the pact file as the capture or your Pact library wrote it.", e);
    } catch (IOException e) {
      throw new PactFormatException("Pact file " + file + " cannot be read: " + e.getMessage(), e);
    }
    String consumer = root == null ? "" : root.path("consumer").path("name").asText("");
    String provider = root == null ? "" : root.path("provider").path("name").asText("");
    if (consumer.isBlank() || provider.isBlank()) {
      throw new PactFormatException("Pact file " + file + " names no consumer.name or provider.name; is it a pact?");
    }
    return new Contract(consumer, provider, bytes, file.toString());
  }

  /** Whether the pact holds no interaction ({@code interactions}, or a V3 message pact's {@code messages}). */
  public boolean isEmpty() {
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (IOException e) {
      throw new IllegalStateException("A pact read as JSON no longer parses: " + origin, e);
    }
    return root.path("interactions").isEmpty() && root.path("messages").isEmpty();
  }
}
