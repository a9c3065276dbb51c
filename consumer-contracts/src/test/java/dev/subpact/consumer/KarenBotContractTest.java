package dev.subpact.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * How a bot team writes its contract in Java: from the bot's own .graphql files, here the client
 * kit's after-rename operations of the {@code incident} module (a test dependency), read as a file
 * ({@link GraphqlContract.InteractionBuilder#document(Path)}) and from the classpath.
 */
class KarenBotContractTest {

  private static final Path CKIT = Path.of("../incident/src/main/resources/dev/subpact/incident/ckit");
  private static final Path KAREN_THREADS = CKIT.resolve("KarenThreads.after-rename.graphql");
  private static final String DELETE_EMESSAGES = "dev/subpact/incident/ckit/DeleteEmessages.after-rename.graphql";
  private static final Path SCHEMAS = Path.of("../incident/src/main/resources/dev/subpact/backend/schemas");

  @TempDir Path out;

  static GraphqlContract karen() {
    return GraphqlContract.between("karen", "flexus-backend").consumerVersion("2.0.0")
        .subscription("KarenThreads subscription")
            .document(KAREN_THREADS)
            .variables(Map.of("marketable_name", "frog", "marketable_version", 1002003, "inprocess_tool_names", List.of("frog_tool"),
                "want_erp_tables", List.of(), "want_emsg_types", List.of("TELEGRAM")))
            .overWebSocket("graphql-ws", "graphql-transport-ws")
            .expects(new PactDslJsonBody()
                .object("data")
                    .object("bot_threads_calls_tasks")
                        .stringType("news_action", "INSERT")
                        .stringType("news_about", "flexus_emessage")
                        .object("news_payload_emessage")
                            .stringType("emsg_id", "emsg_example1")
                            .stringType("emsg_type", "TELEGRAM")
                            .decimalType("emsg_created_ts", 1.7e9)
                        .closeObject()
                    .closeObject()
                .closeObject())
        .and()
        .mutation("DeleteEmessages mutation")
            .documentResource(DELETE_EMESSAGES)
            .variables(Map.of("ids", List.of("emsg_example1")))
            .expects(new PactDslJsonBody().object("data").booleanType("emessages_delete", true).closeObject())
        .and();
  }

  @Test
  void botTeamWritesItsContractFromItsOwnGraphqlFiles() throws Exception {
    GraphqlContract contract = karen().checkedAgainst(SchemaLoader.fromFile(SCHEMAS.resolve("renamed.graphql")));
    Path file = contract.writeTo(out);

    GraphqlPact pact = GraphqlPacts.read(file);
    assertThat(pact.interactions()).extracting(GraphqlInteraction::description)
        .containsExactly("DeleteEmessages mutation", "KarenThreads subscription");
    GraphqlInteraction karenThreads = pact.interactions().get(1);
    assertThat(karenThreads.operation().document().text()).isEqualTo(Files.readString(KAREN_THREADS, StandardCharsets.UTF_8));
    assertThat(karenThreads.operation().operationName()).isEqualTo("KarenThreads");
    assertThat(karenThreads.expected().get(0).matchingRules().path("body").path("$.data.bot_threads_calls_tasks.news_payload_emessage.emsg_id")
        .path("matchers").get(0).path("match").asText()).isEqualTo("type");
    assertThat(GraphqlPacts.write(pact)).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));

    V4Pact pactJvm = contract.toPactJvm();
    assertThat(pactJvm.getInteractions()).hasSize(2);
    assertThat(pactJvm.getInteractions().get(1)).isInstanceOf(V4Interaction.SynchronousMessages.class);
  }

  @Test
  void expectsEverySelectedFieldCoversWhatTheBotReadsAsCaptureDoes() throws Exception {
    Schema renamed = SchemaLoader.fromFile(SCHEMAS.resolve("renamed.graphql"));
    GraphqlPact pact = GraphqlContract.between("karen", "flexus-backend").consumerVersion("2.0.1")
        .subscription("KarenThreads subscription")
            .document(KAREN_THREADS)
            .variables(Map.of("marketable_name", "frog", "marketable_version", 1002003, "inprocess_tool_names", List.of("frog_tool"),
                "want_erp_tables", List.of(), "want_emsg_types", List.of("TELEGRAM")))
            .expectsEverySelectedField(renamed)
        .and()
        .checkedAgainst(renamed)
        .toPact();

    GraphqlInteraction karenThreads = pact.interactions().get(0);
    JsonNode body = karenThreads.expected().get(0).matchingRules().path("body");
    // news_payload_emessage is nullable in the schema: still expected, field by field, with its type.
    assertThat(karenThreads.expected().get(0).content().path("data").path("bot_threads_calls_tasks")
        .path("news_payload_emessage").path("emsg_id").isTextual()).isTrue();
    assertThat(body.path("$.data.bot_threads_calls_tasks.news_payload_emessage.emsg_id").path("matchers").get(0).path("match").asText())
        .isEqualTo("type");
    long selectedLeaves = karenThreads.operation().document().text().lines()
        .filter(line -> line.trim().matches("[a-z_]+")).count();
    java.util.List<String> leafRules = new java.util.ArrayList<>();
    body.fieldNames().forEachRemaining(leafRules::add);
    leafRules.removeIf(path -> !karenThreads.expected().get(0).content().at(pointer(path)).isValueNode());
    assertThat(leafRules).as("one matcher per selected leaf field").hasSize((int) selectedLeaves);
  }

  /** {@code $.data.a[*].b} as the JSON pointer of the example's first element: {@code /data/a/0/b}. */
  private static String pointer(String path) {
    return path.substring(1).replace("[*]", ".0").replace('.', '/');
  }

  @Test
  void aContractThatBreaksAgainstTheBackendFailsTheTestWithTheBackendsWording() {
    Schema beforeRename = SchemaLoader.fromFile(SCHEMAS.resolve("before-rename.graphql"));
    assertThatThrownBy(() -> karen().checkedAgainst(beforeRename))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("karen's contract with flexus-backend breaks against schema ")
        .hasMessageContaining("KarenThreads subscription: ")
        .hasMessageContaining("want_emsg_types")
        .hasMessageContaining("DeleteEmessages mutation: ");
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> GraphqlContract.between("karen", "b").query("KarenThreads").document(KAREN_THREADS).and())
        .hasMessageEndingWith("is declared a query but " + KAREN_THREADS + " defines a subscription.");
    assertThatThrownBy(() -> GraphqlContract.between("karen", "b").mutation("d").documentResource(DELETE_EMESSAGES)
            .variables(Map.of("emessage_ids", List.of())).and())
        .hasMessage("Interaction 'd' gives variables [emessage_ids] that classpath:" + DELETE_EMESSAGES + " does not declare (it declares [ids]).");
    assertThatThrownBy(() -> GraphqlContract.between("karen", "b").mutation("d").and())
        .hasMessageContaining("has no document: call document(Path) with the bot's own .graphql file.");
  }
}
