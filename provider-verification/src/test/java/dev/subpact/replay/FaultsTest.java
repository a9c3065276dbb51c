package dev.subpact.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import dev.subpact.incident.Incident;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every fault ends with its own verdict, and no run outlives its global timeout. */
class FaultsTest {

  private static final GraphqlPact GREETINGS = Pacts.greetings("graphql-transport-ws", "frog", "Hello frog", "Bonjour frog");

  private static InteractionReport replayAgainst(FaultyServer.Fault fault) throws Exception {
    try (FaultyServer server = new FaultyServer(fault)) {
      Report report = ReplayEngine.run(ReplayConfig.builder(server.url()).timeout(Duration.ofSeconds(3)).build(), List.of(GREETINGS));
      return report.results().get(0);
    }
  }

  @Test
  void nothing_listening_is_unreachable() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Report report = ReplayEngine.run(ReplayConfig.builder(URI.create("ws://127.0.0.1:" + port + "/v1/graphql")).build(), List.of(GREETINGS));
    InteractionReport result = report.results().get(0);
    assertThat(result.outcome()).isEqualTo("unreachable");
    assertThat(result.errors().get(0).message()).contains("The backend is unreachable").contains("127.0.0.1:" + port);
  }

  @Test
  void no_connection_ack_is_no_ack() throws Exception {
    InteractionReport result = replayAgainst(FaultyServer.Fault.NO_ACK);
    assertThat(result.outcome()).isEqualTo("no-ack");
    assertThat(result.errors().get(0).message()).contains("did not acknowledge connection_init");
  }

  @Test
  void a_garbage_frame_is_a_protocol_error_quoting_the_frame() throws Exception {
    InteractionReport result = replayAgainst(FaultyServer.Fault.GARBAGE_FRAME);
    assertThat(result.outcome()).isEqualTo("protocol-error");
    assertThat(result.errors().get(0).message()).contains("not JSON").contains("<html>502 Bad Gateway</html>");
  }

  @Test
  void a_close_mid_stream_is_closed_with_code_and_meaning() throws Exception {
    InteractionReport result = replayAgainst(FaultyServer.Fault.CLOSE_MID_STREAM);
    assertThat(result.outcome()).isEqualTo("closed");
    assertThat(result.errors().get(0).message()).contains("1011").contains("internal server error").contains("backend crashed");
  }

  @Test
  void silence_past_the_timeout_is_timed_out() throws Exception {
    InteractionReport result = replayAgainst(FaultyServer.Fault.SILENCE);
    assertThat(result.outcome()).isEqualTo("timed-out");
    assertThat(result.errors().get(0).message()).contains("waiting for message 1 of 2");
  }

  @Test
  void an_early_complete_is_completed_early() throws Exception {
    InteractionReport result = replayAgainst(FaultyServer.Fault.EARLY_COMPLETE);
    assertThat(result.outcome()).isEqualTo("completed-early");
    assertThat(result.errors().get(0).message()).contains("after 0 of 2 expected message(s)");
  }

  @Test
  void the_expected_results_under_another_operation_id_are_a_protocol_error_never_counted() throws Exception {
    InteractionReport result = replayAgainst(FaultyServer.Fault.OTHER_ID);
    assertThat(result.outcome()).isEqualTo("protocol-error");
    assertThat(result.errors()).singleElement().satisfies(f -> assertThat(f.message())
        .contains("a next/data message for operation id \"2\"").contains("subscribed only with id \"1\"").contains("Hello frog"));
  }

  @Test
  void a_subscription_rejected_after_the_trigger_is_rejected_with_the_servers_error_not_a_failed_state_change() throws Exception {
    try (FaultyServer server = new FaultyServer(FaultyServer.Fault.LATE_ERROR)) {
      Report report = ReplayEngine.run(ReplayConfig.builder(server.url()).stateUrl(server.stateUrl()).timeout(Duration.ofSeconds(5))
          .liveWindow(Duration.ofMillis(20)).build(), List.of(Pacts.triggered(GREETINGS)));
      InteractionReport result = report.results().get(0);
      assertThat(result.outcome()).as(result.errors().toString()).isEqualTo("rejected");
      assertThat(result.errors().get(0).message()).startsWith("Unknown argument 'nom' on field 'Subscription.greetings'.");
      // the trigger went out once the subscription was live, and was refused (409) before the error came
      assertThat(server.stateChanges).anySatisfy(body -> assertThat(body).contains("\"action\":\"trigger\""));
      assertThat(server.stateChanges).allSatisfy(body -> assertThat(body)
          .contains("\"params\":{\"field\":\"greetings\"}").contains("\"variables\":{\"name\":\"frog\"}"));
    }
  }

  @Test
  void without_a_state_url_a_subscription_that_needs_a_trigger_says_so_at_once() throws Exception {
    try (FaultyServer server = new FaultyServer(FaultyServer.Fault.SILENCE)) {
      Instant start = Instant.now();
      Report report = ReplayEngine.run(ReplayConfig.builder(server.url()).timeout(Duration.ofSeconds(30)).build(),
          List.of(Pacts.triggered(GREETINGS)));
      Duration took = Duration.between(start, Instant.now());
      InteractionReport result = report.results().get(0);
      assertThat(result.errors()).singleElement().satisfies(f -> assertThat(f.message())
          .contains("no provider-state URL: nothing can make the backend publish the event"));
      assertThat(took).as("said at once, not after the 30 s timeout").isLessThan(Duration.ofSeconds(15));
    }
  }

  @Test
  void a_backend_that_cannot_be_introspected_gets_a_warning_saying_what_is_missing() throws Exception {
    try (FaultyServer server = new FaultyServer(FaultyServer.Fault.OTHER_ID)) {
      Report report = ReplayEngine.run(ReplayConfig.builder(server.url()).timeout(Duration.ofSeconds(3)).build(), List.of(GREETINGS));
      assertThat(report.schemaFindings()).singleElement().satisfies(f -> {
        assertThat(f.isError()).isFalse();
        assertThat(f.message()).contains("Cannot introspect " + server.url().toString().replace("ws:", "http:"))
            .contains("The static error list").contains("deprecation warnings are missing").contains("Give the build's exported schema");
      });
    }
  }

  @Test
  void a_ping_flood_ends_as_a_named_verdict_within_the_timeout() throws Exception {
    Instant start = Instant.now();
    InteractionReport result = replayAgainst(FaultyServer.Fault.PING_FLOOD);
    Duration took = Duration.between(start, Instant.now());
    assertThat(result.outcome()).isEqualTo("no-ack");
    assertThat(result.errors().get(0).message()).contains("no connection_ack within the interaction's timeout of 3000 ms")
        .containsPattern("meanwhile the backend sent \\d+ ping/pong/ka frames");
    assertThat(took).as("the 3 s timeout holds under the flood (plus server start and stop)").isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void a_message_over_the_maximum_size_closes_the_connection_with_1009() throws Exception {
    InteractionReport result = replayAgainst(FaultyServer.Fault.HUGE_MESSAGE);
    assertThat(result.outcome()).isEqualTo("closed");
    assertThat(result.errors().get(0).message()).contains("1009").contains("a message of over 8388608 characters");
  }

  @Test
  void a_backend_that_drops_the_connection_on_complete_keeps_the_verdict_it_earned() throws Exception {
    InteractionReport result = replayAgainst(FaultyServer.Fault.DROP_ON_COMPLETE);
    assertThat(result.outcome()).as(result.errors().toString()).isEqualTo("accepted");
  }

  @Test
  void a_whole_run_ends_within_its_global_timeout() throws Exception {
    try (FaultyServer server = new FaultyServer(FaultyServer.Fault.SILENCE)) {
      GraphqlPact many = Pacts.repeated(GREETINGS, "greetings", 40);
      Duration runTimeout = Duration.ofSeconds(2);
      Instant start = Instant.now();
      Report report = ReplayEngine.run(ReplayConfig.builder(server.url()).concurrency(4)
          .timeout(Duration.ofMinutes(5)).runTimeout(runTimeout).build(), List.of(many));
      Duration took = Duration.between(start, Instant.now());
      assertThat(report.results()).hasSize(40).allSatisfy(r -> assertThat(r.outcome()).isEqualTo("timed-out"));
      assertThat(report.results().get(39).errors().get(0).message()).contains("global timeout of 2000 ms");
      assertThat(took).as("the run ends at its global timeout, not the interactions' 5 minutes").isLessThan(runTimeout.plusSeconds(8));
    }
  }

  @Test
  void the_backend_killed_during_a_run_of_200_interactions_gives_every_interaction_a_verdict() throws Exception {
    GraphqlPact frog = Incident.crashedContracts().stream().filter(p -> p.consumer().equals("frog")).findFirst().orElseThrow();
    GraphqlPact many = Pacts.repeated(frog, "KarenThreads subscription", 200);
    ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), 0);
    AtomicInteger done = new AtomicInteger();
    CountDownLatch someDone = new CountDownLatch(1);
    CompletableFuture<Report> run = CompletableFuture.supplyAsync(() -> ReplayEngine.run(
        ReplayConfig.builder(backend.websocketUrl()).stateUrl(backend.stateUrl()).concurrency(4)
            .timeout(Duration.ofSeconds(5)).runTimeout(Duration.ofMinutes(2)).build(),
        List.of(many), r -> {
          if (done.incrementAndGet() == 20) {
            someDone.countDown();
          }
        }));
    assertThat(someDone.await(60, TimeUnit.SECONDS)).as("20 interactions replayed before the kill").isTrue();
    backend.close();
    Report report = run.get(3, TimeUnit.MINUTES);
    Map<String, Long> outcomes = report.results().stream().collect(Collectors.groupingBy(InteractionReport::outcome, Collectors.counting()));
    assertThat(report.results()).hasSize(200);
    assertThat(outcomes.get("accepted")).isGreaterThanOrEqualTo(20);
    assertThat(outcomes.keySet()).isSubsetOf(List.of("accepted", "unreachable", "closed", "state-change-failed", "timed-out"));
    assertThat(outcomes.getOrDefault("unreachable", 0L) + outcomes.getOrDefault("state-change-failed", 0L)).isPositive();
  }
}
