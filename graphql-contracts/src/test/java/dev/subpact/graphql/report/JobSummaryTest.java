package dev.subpact.graphql.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown job summary: the verdict, bots × breaks (bots that break alike in one row), each distinct break once. */
class JobSummaryTest {

  private static final Finding UNKNOWN = Finding.error(FindingKind.UNKNOWN_ARGUMENT,
      "Unknown argument 'want_emessage_types' on field 'Subscription.bot_threads_calls_tasks'.");

  @Test
  void botsThatBreakAlikeShareARowAndEachBreakIsListedOnce() {
    Report report = new Report(List.of(
        new InteractionReport("karen", "20045", "KarenThreads subscription", "KarenThreads", "rejected", List.of(UNKNOWN), List.of()),
        new InteractionReport("adspy", "80015", "KarenThreads subscription", "KarenThreads", "rejected", List.of(UNKNOWN), List.of()),
        new InteractionReport("rick", "20022", "KarenThreads | subscription", "KarenThreads", "accepted", List.of(), List.of())),
        List.of());

    assertThat(JobSummary.render(report, RunInfo.of("verify"))).isEqualTo("""
        ### subpact verify: ❌ failed

        3 operations, 2 broken, 2 errors, 0 warnings

        | bots | what breaks |
        | --- | --- |
        | karen 20045, adspy 80015 | KarenThreads subscription: 1 UNKNOWN_ARGUMENT |
        | rick 20022 | — |

        **1 distinct break** (the text report gives each fix):

        - Unknown argument 'want_emessage_types' on field 'Subscription.bot_threads_calls_tasks'.

        """);
  }
}
