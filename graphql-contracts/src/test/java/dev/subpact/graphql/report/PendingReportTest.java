package dev.subpact.graphql.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.pact.GraphqlPact;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pending pact's failures: reported (marked pending in every format), not failing the run. */
class PendingReportTest {

  private static final Finding UNKNOWN_ARGUMENT = Finding.error(FindingKind.UNKNOWN_ARGUMENT,
      "Unknown argument 'want_emessage_types' on field 'Subscription.bot_threads_calls_tasks'.");

  private final Report report = new Report(List.of(
      new InteractionReport("karen", "20045", "KarenThreads subscription", "KarenThreads", "rejected", List.of(UNKNOWN_ARGUMENT), List.of()),
      new InteractionReport("rick", "20021", "KarenThreads subscription", "KarenThreads", "accepted", List.of(), List.of())), List.of());

  @Test
  void onlyThePendingPactsInteractionsAreMarkedAndTheRunPasses() {
    Report marked = report.withPending(List.of(new GraphqlPact("karen", "flexus-backend", "20045", List.of(), List.of(), true)));

    assertThat(report.ok()).isFalse();
    assertThat(marked.ok()).isTrue();
    assertThat(marked.results()).extracting(InteractionReport::pending).containsExactly(true, false);
    assertThat(marked.summary()).isEqualTo(new Report.Summary(2, 1, 1, 0, 1));
    assertThat(marked.passed("karen", "20045")).as("still a failed verification to publish").isFalse();
  }

  @Test
  void everyFormatShowsTheFailureMarkedPending() {
    Report marked = report.withPending(List.of(new GraphqlPact("karen", "flexus-backend", "20045", List.of(), List.of(), true)));

    assertThat(ReportFormat.TEXT.render(marked, new TextLayout(120, Verbosity.NORMAL), RunInfo.of("check")))
        .contains("karen 20045  (1 interaction, 1 broken; pending pact: its failures do not fail the run)")
        .contains("FAIL  KarenThreads subscription  [KarenThreads]  (pending)  outcome: rejected")
        .contains("Unknown argument 'want_emessage_types'")
        .contains("PASSED: 2 operations, 1 broken (1 pending), 1 error, 0 warnings");
    assertThat(ReportFormat.JSON.render(marked))
        .contains("\"ok\" : true").contains("\"pendingBroken\" : 1").contains("\"pending\" : true").contains("want_emessage_types");
    assertThat(ReportFormat.JUNIT.render(marked))
        .contains("failures=\"0\" errors=\"0\" skipped=\"1\"")
        .contains("<skipped message=\"pending pact (does not fail the run): Unknown argument &apos;want_emessage_types&apos;");
    assertThat(ReportFormat.GITHUB.render(marked))
        .contains("::warning title=subpact%3A karen 20045 / KarenThreads subscription (pending) (1 UNKNOWN_ARGUMENT)::")
        .doesNotContain("::error");
    assertThat(ReportFormat.JSON.render(report)).doesNotContain("pending");
  }
}
