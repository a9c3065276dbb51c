package dev.subpact.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.report.ReportFormat;
import dev.subpact.graphql.schema.SchemaLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a backend team reads after {@code subpact verify}: one golden report per kind of verdict, compared
 * exactly. Regenerate with {@code -Dsubpact.golden.update=true} and review the diff.
 */
class VerifyReportGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  private static List<GraphqlPact> karenAndBob(List<GraphqlPact> pacts) {
    return pacts.stream().filter(p -> p.consumer().equals("karen") || p.consumer().equals("bob")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "renamed-legacy-with-schema.txt, renamed, graphql-ws, crashed, true",
    "renamed-transport-ws.json, renamed, graphql-transport-ws, crashed, false",
    "created-ts-string.txt, renamed-created-ts-string, graphql-ws, after-rename, false",
    "aliased-with-schema.txt, aliased, graphql-ws, crashed, true"
  })
  void report(String golden, String buildName, String subprotocol, String kit, boolean withSchema) throws Exception {
    Build build = buildName.equals("renamed-created-ts-string")
        ? Build.named("renamed").withSdl(buildName, sdl -> sdl.replace("emsg_created_ts: Float!", "emsg_created_ts: String!"))
        : Build.named(buildName);
    List<GraphqlPact> pacts = karenAndBob(kit.equals("crashed") ? IncidentPacts.crashed() : IncidentPacts.afterRename());
    Report report;
    try (ReferenceBackend backend = ReferenceBackend.start(build, 0)) {
      // A settle well above graphql-java's validation time on a loaded 2-core machine (30-350 ms for
      // KarenThreads): a golden file must not depend on whether silence outlasted the server (issue 10, item 8).
      ReplayConfig.Builder config = ReplayConfig.builder(backend.websocketUrl()).stateUrl(backend.stateUrl())
          .settle(Duration.ofSeconds(2));
      if (withSchema) {
        config.schema(SchemaLoader.fromSdl(build.sdl(), buildName + ".graphql"));
      }
      report = ReplayEngine.run(config.build(), IncidentPacts.over(subprotocol, pacts));
    }
    String rendered = (golden.endsWith(".json") ? ReportFormat.JSON : ReportFormat.TEXT).render(report);
    Path file = GOLDEN.resolve(golden);
    if (Boolean.getBoolean("subpact.golden.update")) {
      Files.writeString(file, rendered, StandardCharsets.UTF_8);
    }
    assertThat(rendered).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
