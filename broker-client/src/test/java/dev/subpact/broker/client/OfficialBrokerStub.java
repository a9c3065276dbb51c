package dev.subpact.broker.client;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official broker's behaviour as the official client recorded it: selected interactions of
 * {@code compat/pact-broker-client/pact-broker-client-v2--pact-broker.json} (pact_broker-client,
 * MIT), served unchanged by the official {@code pact stub} (npm {@code @pact-foundation/pact-cli}) on
 * an OS-chosen port of 127.0.0.1.
 */
final class OfficialBrokerStub implements AutoCloseable {

  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path CONTRACT = MODULE.resolve("../pact-broker/src/test/resources/compat/pact-broker-client/pact-broker-client-v2--pact-broker.json").normalize();
  /** The official Pact CLI from the repository's one set of npm test peers (the root package.json). */
  static final Path PACT_CLI = MODULE.resolve("../node_modules/.bin/pact").normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STARTED = Pattern.compile("Server started on port (\\d+)");

  /** One interaction of the official contract: its description and provider state ({@code null}: none). */
  record Selected(String description, String providerState) {}

  private final Process process;
  private final URI url;
  private final StringBuilder log;

  private OfficialBrokerStub(Process process, URI url, StringBuilder log) {
    this.process = process;
    this.url = url;
    this.log = log;
  }

  /** Serves exactly the {@code selected} interactions (each must exist in the official contract). */
  static OfficialBrokerStub serving(Path workDir, List<Selected> selected) throws Exception {
    if (!Files.isExecutable(PACT_CLI)) {
      fail("The official Pact CLI is not installed at " + PACT_CLI + ": run test-peers/install.sh (`./mvnw verify` runs it) or `npm ci` in the repository root.");
    }
    ObjectNode contract = (ObjectNode) JSON.readTree(CONTRACT.toFile());
    ArrayNode kept = JSON.createArrayNode();
    for (Selected wanted : selected) {
      JsonNode match = null;
      for (JsonNode interaction : contract.get("interactions")) {
        if (interaction.path("description").asText().equals(wanted.description())
            && Objects.equals(interaction.has("providerState") ? interaction.get("providerState").asText() : null, wanted.providerState())) {
          match = interaction;
        }
      }
      if (match == null) {
        fail("The official contract has no interaction " + wanted);
      }
      kept.add(match);
    }
    contract.set("interactions", kept);
    Path file = workDir.resolve("official-broker-selection.json");
    JSON.writeValue(file.toFile(), contract);

    Process process = new ProcessBuilder(PACT_CLI.toString(), "stub", "-f", file.toString(), "-l", "info")
        .redirectErrorStream(true).start();
    StringBuilder log = new StringBuilder();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          synchronized (log) {
            log.append(line).append('\n');
          }
          Matcher m = STARTED.matcher(line);
          if (m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        // stub ended
      }
      port.completeExceptionally(new IllegalStateException("pact stub ended without starting: " + log));
    });
    reader.setDaemon(true);
    reader.start();
    int bound = port.get(60, TimeUnit.SECONDS);
    return new OfficialBrokerStub(process, URI.create("http://127.0.0.1:" + bound), log);
  }

  /** The pact file the official client publishes in "a request to publish contracts", byte for byte. */
  static byte[] publishedPactContent() throws IOException {
    for (JsonNode interaction : JSON.readTree(CONTRACT.toFile()).get("interactions")) {
      if (interaction.path("description").asText().equals("a request to publish contracts")) {
        return Base64.getDecoder().decode(interaction.path("request").path("body").path("contracts").get(0).path("content").asText());
      }
    }
    throw new IllegalStateException("no publish interaction in " + CONTRACT);
  }

  URI url() {
    return url;
  }

  /** The stub's log once it mentions {@code text} (it logs after answering, so a client may be ahead of it), or after {@code timeout}. */
  String logOnceItMentions(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String current;
      synchronized (log) {
        current = log.toString();
      }
      if (current.contains(text) || System.nanoTime() > deadline) {
        return current;
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    process.destroy();
  }
}
