package dev.subpact.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A bot shaped like the client kit's (src/test/python/keyed_bot.py on Debian's python3-websockets:
 * both subprotocols offered as gql offers them, {@code {"apikey"}}, no operationName, a keep-alive
 * timeout) against a keyed reference backend: it stays connected past its keep-alive timeout on the
 * legacy {@code ka}, reads the event the client kit dispatches on, and passes the key over HTTP.
 */
class PythonBotTest {

  private static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");
  private static final Path CKIT = Path.of("../incident/src/main/resources/dev/subpact/incident/ckit");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void a_keyed_bot_stays_connected_on_ka_reads_its_event_and_passes_its_key_over_http() throws Exception {
    if (!Files.isExecutable(DEBIAN_PYTHON)) {
      fail("Debian's /usr/bin/python3 is missing: apt-get install -y python3 python3-websockets");
    }
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), "127.0.0.1", 0, BackendOptions.DEFAULTS.withApiKey("bot-key"))) {
      // held 4 s with a 3 s keep-alive timeout: only a ka every interval (1 s) keeps it connected
      Process bot = new ProcessBuilder(DEBIAN_PYTHON.toString(), "src/test/python/keyed_bot.py",
          backend.websocketUrl().toString(), backend.httpUrl().toString(), backend.stateUrl().toString(),
          CKIT.resolve("KarenThreads.after-rename.json").toString(), CKIT.resolve("DeleteEmessages.after-rename.json").toString(),
          "bot-key", "3", "4").start();
      if (!bot.waitFor(60, TimeUnit.SECONDS)) {
        bot.destroyForcibly();
        fail("keyed_bot.py did not end within 60 s");
      }
      String stdout = new String(bot.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String stderr = new String(bot.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(bot.exitValue()).as(stdout + stderr).isZero();
      List<JsonNode> lines = new ArrayList<>();
      for (String line : stdout.strip().split("\n")) {
        lines.add(JSON.readTree(line));
      }
      assertThat(lines.get(0).path("subprotocol").asText()).isEqualTo("graphql-ws");
      assertThat(lines.get(1).path("ack").asText()).isEqualTo("connection_ack");
      assertThat(lines.get(2).path("ka_count").asInt()).as(stdout).isGreaterThanOrEqualTo(3);
      JsonNode news = lines.get(3).path("event").path("data").path("bot_threads_calls_tasks");
      assertThat(news.path("news_about").asText()).isEqualTo("flexus_persona_external_message");
      assertThat(news.path("news_action").asText()).isEqualTo("EMESSAGE");
      assertThat(news.path("news_payload_emessage").path("emsg_id").asText()).isEqualTo("emsg_py_1");
      assertThat(lines.get(4).path("http_status").asInt()).isEqualTo(200);
      assertThat(lines.get(4).path("http_result").toString()).isEqualTo("{\"data\":{\"emessages_delete\":true}}");
    }
  }
}
