package dev.subpact.teambackends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import dev.subpact.incident.Incident;
import dev.subpact.replay.ReplayConfig;
import dev.subpact.replay.ReplayEngine;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The provider-state handler of provider-verification/README.md, as a Node team writes it:
 * src/test/node/incident-server.js (graphql-js + graphql-ws, nothing of subpact's) serving each
 * incident build, verified live with the incident's ten bot contracts.
 */
class NodeTeamBackendTest {

  private static final Path NODE_DIR = Path.of("src/test/node");
  private static final Path NODE_MODULES = Path.of("../node_modules");

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"before-rename, accepted", "aliased, accepted", "renamed, rejected"})
  void the_node_backend_and_its_state_handler_give_the_incidents_verdicts(String build, String outcome) throws Exception {
    if (!Files.isDirectory(NODE_MODULES.resolve("graphql-ws"))) {
      throw new AssertionError("Node packages are missing in " + NODE_MODULES.toAbsolutePath().normalize() + ": run test-peers/install.sh (`./mvnw verify` runs it) or `npm ci` in the repository root.");
    }
    Path sdl = dir.resolve(build + ".graphql");
    try (InputStream in = NodeTeamBackendTest.class.getResourceAsStream("/dev/subpact/backend/schemas/" + build + ".graphql")) {
      Files.write(sdl, in.readAllBytes());
    }
    Process node = new ProcessBuilder("node", "incident-server.js", sdl.toString())
        .directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (java.io.IOException e) {
          return null;
        }
      }).get(30, TimeUnit.SECONDS);
      assertThat(line).as("node incident-server.js prints its port").startsWith("PORT ");
      String origin = "127.0.0.1:" + line.substring(5).trim();
      Report report = ReplayEngine.run(ReplayConfig.builder(URI.create("ws://" + origin + "/v1/graphql"))
          .stateUrl(URI.create("http://" + origin + "/_pact/state"))
          .settle(Duration.ofSeconds(2)) // above graphql-js's validation time on a loaded machine
          .build(), Incident.crashedContracts());
      assertThat(report.results()).hasSize(20).allSatisfy(r ->
          assertThat(r.outcome()).as(r.consumer() + " " + r.interaction() + " " + r.errors()).isEqualTo(outcome));
      assertThat(report.results().stream().map(InteractionReport::consumer).distinct()).hasSize(10);
    } finally {
      node.destroy();
      if (!node.waitFor(5, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
  }
}
