package dev.subpact.teambackends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import dev.subpact.incident.Incident;
import dev.subpact.replay.ReplayConfig;
import dev.subpact.replay.ReplayEngine;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The incident's ten bot contracts verified live against {@link FlexusJavaBackend}, a graphql-java
 * server as a Java backend team writes it (not subpact's reference backend): the builds that keep
 * the old names pass every bot, the renamed build fails every bot, on graphql-java's own verdicts.
 */
class FlexusJavaBackendTest {

  private static String sdl(String build) throws Exception {
    try (InputStream in = FlexusJavaBackendTest.class.getResourceAsStream("/dev/subpact/backend/schemas/" + build + ".graphql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Report verify(String build) throws Exception {
    try (FlexusJavaBackend backend = new FlexusJavaBackend(sdl(build))) {
      ReplayConfig config = ReplayConfig.builder(URI.create("ws://" + backend.origin() + "/v1/graphql"))
          .stateUrl(URI.create("http://" + backend.origin() + "/_pact/state"))
          // above graphql-java's validation time on a loaded 2-core machine: a rejection is never read as silence
          .settle(Duration.ofSeconds(2))
          .build();
      return ReplayEngine.run(config, Incident.crashedContracts());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"before-rename", "aliased"})
  void builds_that_keep_the_old_names_pass_every_bot(String build) throws Exception {
    Report report = verify(build);
    assertThat(report.results()).hasSize(20).allSatisfy(r ->
        assertThat(r.outcome()).as(r.consumer() + " " + r.interaction() + " " + r.errors()).isEqualTo("accepted"));
    assertThat(report.results().stream().map(InteractionReport::consumer).distinct()).hasSize(10);
    assertThat(report.ok()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"renamed"})
  void the_renamed_build_fails_all_ten_bots_on_graphql_javas_verdict(String build) throws Exception {
    Report report = verify(build);
    assertThat(report.ok()).isFalse();
    assertThat(report.results()).hasSize(20).allSatisfy(r ->
        assertThat(r.outcome()).as(r.consumer() + " " + r.interaction()).isEqualTo("rejected"));
    assertThat(report.results().stream().map(InteractionReport::consumer).distinct()).hasSize(10);
    InteractionReport karen = report.results().stream()
        .filter(r -> r.consumer().equals("karen") && r.interaction().startsWith("KarenThreads")).findFirst().orElseThrow();
    // graphql-java's "Validation error (UnknownArgument@[bot_threads_calls_tasks]) : Unknown field argument
    // 'want_emessage_types'" is read as the same break the static list names, and counted once, with its fix
    assertThat(karen.errors()).filteredOn(f -> f.kind() == dev.subpact.graphql.check.FindingKind.UNKNOWN_ARGUMENT)
        .singleElement().satisfies(f -> {
          assertThat(f.message()).contains("'want_emessage_types'");
          assertThat(f.suggestion()).isEqualTo("want_emsg_types");
        });
    assertThat(karen.errors()).noneSatisfy(f -> assertThat(f.message()).startsWith("Validation error"));
  }
}
