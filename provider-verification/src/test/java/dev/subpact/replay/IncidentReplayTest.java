package dev.subpact.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.schema.SchemaLoader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The incident's bot contracts replayed against the reference backend builds, over each subprotocol. */
class IncidentReplayTest {

  private static Report replay(Build build, List<dev.subpact.graphql.pact.GraphqlPact> pacts, boolean withSchema) {
    try (ReferenceBackend backend = ReferenceBackend.start(build, 0)) {
      // graphql-java validates KarenThreads in 30-350 ms on a loaded 2-core machine: a settle above that, so a
      // rejection is never read as silence (issue 10, item 8 is the replay's own fix for that trap)
      ReplayConfig.Builder config = ReplayConfig.builder(backend.websocketUrl()).stateUrl(backend.stateUrl())
          .settle(Duration.ofSeconds(2));
      if (withSchema) {
        config.schema(SchemaLoader.fromSdl(build.sdl(), build.name() + ".graphql"));
      }
      return ReplayEngine.run(config.build(), pacts);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"graphql-ws", "graphql-transport-ws"})
  void before_rename_and_aliased_builds_accept_every_bot(String subprotocol) {
    for (String build : List.of("before-rename", "aliased")) {
      Report report = replay(Build.named(build), IncidentPacts.over(subprotocol, IncidentPacts.crashed()), false);
      assertThat(report.results()).hasSize(20);
      assertThat(report.results()).allSatisfy(r -> {
        assertThat(r.outcome()).as(build + " " + r.consumer() + " " + r.interaction() + " " + r.errors()).isEqualTo("accepted");
        assertThat(r.errors()).isEmpty();
      });
      assertThat(report.ok()).isTrue();
    }
  }

  @org.junit.jupiter.api.Test
  void a_backend_given_as_its_origin_is_replayed_on_the_path_each_pact_recorded() {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), 0)) {
      java.net.URI origin = java.net.URI.create("ws://127.0.0.1:" + backend.websocketUrl().getPort());
      java.net.URI schemaUrl = java.net.URI.create("http://127.0.0.1:" + backend.websocketUrl().getPort() + "/v1/graphql");
      Report report = ReplayEngine.run(ReplayConfig.builder(origin).stateUrl(backend.stateUrl())
          .schema(SchemaLoader.fromUrl(schemaUrl)).build(), IncidentPacts.over("graphql-transport-ws", IncidentPacts.crashed()));
      assertThat(report.results()).hasSize(20).allSatisfy(r -> assertThat(r.outcome()).as(r.consumer() + " " + r.interaction())
          .isEqualTo("accepted"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"graphql-ws", "graphql-transport-ws"})
  void the_aliased_build_reports_deprecations_from_its_own_introspection_without_a_schema(String subprotocol) {
    Report report = replay(Build.named("aliased"), IncidentPacts.over(subprotocol, IncidentPacts.crashed()), false);
    assertThat(report.ok()).isTrue();
    assertThat(report.schemaFindings()).as("introspection worked: no warning about it").isEmpty();
    InteractionReport frog = report.results().stream()
        .filter(r -> r.consumer().equals("frog") && r.interaction().startsWith("KarenThreads")).findFirst().orElseThrow();
    assertThat(frog.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w.kind()).isEqualTo(FindingKind.DEPRECATED_USAGE));
    assertThat(frog.warnings()).anySatisfy(w -> assertThat(w.message()).contains("emessage_id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"graphql-ws", "graphql-transport-ws"})
  void renamed_build_rejects_every_bot_with_its_errors(String subprotocol) {
    Report report = replay(Build.named("renamed"), IncidentPacts.over(subprotocol, IncidentPacts.crashed()), true);
    assertThat(report.ok()).isFalse();
    assertThat(report.results()).hasSize(20).allSatisfy(r -> assertThat(r.outcome()).isEqualTo("rejected"));
    InteractionReport frog = report.results().stream()
        .filter(r -> r.consumer().equals("frog") && r.interaction().startsWith("KarenThreads")).findFirst().orElseThrow();
    List<String> messages = frog.errors().stream().map(Finding::message).toList();
    // the backend's own verdict, from graphql-java's validation (independent of subpact's checker) ...
    assertThat(messages.get(0)).contains("want_emsg_types");
    // ... and the static list names every break with its fix
    assertThat(messages).contains("Cannot query field 'emessage_id' on type 'FExternalMessageOutput'. Did you mean 'emsg_id'?");
    // every renamed field, whichever protocol: the legacy server sent one error, the static list adds the rest
    assertThat(frog.errors().stream().filter(f -> f.kind() == FindingKind.UNKNOWN_FIELD)).hasSize(8);
    assertThat(frog.errors()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.UNKNOWN_ARGUMENT);
      assertThat(f.suggestion()).isEqualTo("want_emsg_types");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"graphql-ws", "graphql-transport-ws"})
  void renamed_build_without_a_schema_reports_what_the_server_says_plus_introspection(String subprotocol) {
    Report report = replay(Build.named("renamed"), IncidentPacts.over(subprotocol, IncidentPacts.crashed()), false);
    InteractionReport karen = report.results().stream()
        .filter(r -> r.consumer().equals("karen") && r.interaction().startsWith("KarenThreads")).findFirst().orElseThrow();
    assertThat(karen.outcome()).isEqualTo("rejected");
    assertThat(karen.errors()).hasSizeGreaterThanOrEqualTo(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"graphql-ws", "graphql-transport-ws"})
  void a_build_that_changes_a_field_type_fails_through_matching_naming_the_json_path(String subprotocol) {
    Build stringly = Build.named("renamed").withSdl("renamed-created-ts-string",
        sdl -> sdl.replace("emsg_created_ts: Float!", "emsg_created_ts: String!"));
    Report report = replay(stringly, IncidentPacts.over(subprotocol, IncidentPacts.afterRename()), false);
    InteractionReport frog = report.results().stream()
        .filter(r -> r.consumer().equals("frog") && r.interaction().startsWith("KarenThreads")).findFirst().orElseThrow();
    assertThat(frog.outcome()).isEqualTo("data-mismatch");
    assertThat(frog.errors()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.DATA_MISMATCH);
      assertThat(f.path()).isEqualTo("$.data.bot_threads_calls_tasks.news_payload_emessage.emsg_created_ts");
    });
    // bots that expect no message, and the mutation, still pass
    assertThat(report.results().stream().filter(r -> r.outcome().equals("accepted")).count()).isEqualTo(17);
  }
}
