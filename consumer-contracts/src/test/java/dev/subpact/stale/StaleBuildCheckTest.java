package dev.subpact.stale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.incident.Incident;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adspy:80015 case: a build made after the rename still sends {@code emessage_*}. */
class StaleBuildCheckTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CKIT = Path.of("../incident/src/main/resources/dev/subpact/incident/ckit");
  static final Path GOLDEN = Path.of("src/test/resources/dev/subpact/stale/adspy-80015.txt");

  static GraphqlPact pact(String version, String rename) throws IOException {
    return new GraphqlPact("adspy", "flexus-backend", version, List.of(
        interaction("KarenThreads." + rename, "KarenThreads subscription", new Transport.WebSocket(Incident.PATH, Incident.BOT_SUBPROTOCOLS)),
        interaction("DeleteEmessages." + rename, "DeleteEmessages mutation", new Transport.Http("/v1/graphql"))));
  }

  private static GraphqlInteraction interaction(String fixture, String description, Transport transport) throws IOException {
    JsonNode json = JSON.readTree(CKIT.resolve(fixture + ".json").toFile());
    Map<String, Object> variables = JSON.convertValue(json.get("variables"), new TypeReference<LinkedHashMap<String, Object>>() {});
    Operation operation = Operation.of(json.get("wire_query_graphql_core_3.2.8").asText(), json.get("operationName").asText(), variables);
    return new GraphqlInteraction(description, List.of(), operation, transport, List.of());
  }

  @Test
  void namesEveryFieldArgumentAndVariableTheStaleBuildStillSends() throws Exception {
    GraphqlPact build = pact("80015", "before-rename");
    GraphqlPact main = pact("80020", "after-rename");
    List<StaleOperation> stale = StaleBuildCheck.compare(build, main);

    assertThat(stale).extracting(StaleOperation::description).containsExactly("DeleteEmessages mutation", "KarenThreads subscription");
    StaleOperation karen = stale.get(1);
    assertThat(karen.goneFromMain()).isFalse();
    assertThat(karen.onlyInBuild()).contains(
        "$want_emessage_types",
        "bot_threads_calls_tasks(want_emessage_types:)",
        "bot_threads_calls_tasks.news_payload_emessage.emessage_id",
        "bot_threads_calls_tasks.news_payload_emessage.emessage_payload");
    assertThat(karen.onlyInBuild()).noneMatch(p -> p.contains("emsg_")).hasSize(10);
    assertThat(karen.onlyOnMain()).contains("bot_threads_calls_tasks.news_payload_emessage.emsg_id");
    String report = StaleBuildCheck.describe(build, "main", stale);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/adspy-80015.actual.txt"), report, StandardCharsets.UTF_8);
    assertThat(report).as("golden " + GOLDEN + " (actual in target/adspy-80015.actual.txt)")
        .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void aBuildOfMainIsNotStaleAndAnOperationMainDroppedIsNamed() throws Exception {
    GraphqlPact main = pact("80020", "after-rename");
    assertThat(StaleBuildCheck.compare(main, main)).isEmpty();
    assertThat(StaleBuildCheck.describe(main, "main", List.of()))
        .isEqualTo("adspy 80020 sends nothing that adspy's latest contract on main no longer does.\n");

    GraphqlPact mainWithoutMutation = new GraphqlPact("adspy", "flexus-backend", "80021", List.of(main.interactions().get(1)));
    assertThat(StaleBuildCheck.compare(main, mainWithoutMutation))
        .containsExactly(new StaleOperation("DeleteEmessages mutation", true,
            List.of("$ids", "emessages_delete", "emessages_delete(emsg_ids:)"), List.of()));
  }
}
