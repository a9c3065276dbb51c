package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Verbosity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** verify's progress: a bar on a terminal, periodic plain lines in CI logs, a line per verdict with --verbose. */
class VerifyProgressTest {

  private static final InteractionReport PASSED =
      new InteractionReport("karen", "20046", "KarenThreads subscription", "KarenThreads", "accepted", List.of(), List.of());
  private static final InteractionReport FAILED = new InteractionReport("adspy", "80015", "KarenThreads subscription", "KarenThreads",
      "rejected", List.of(Finding.error(FindingKind.UNKNOWN_FIELD, "Cannot query field 'emessage_id'.")), List.of());

  private final StringWriter lines = new StringWriter();
  private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
  /** A clock the test moves by hand: nothing here depends on how fast the machine is. */
  private final AtomicLong now = new AtomicLong();

  private VerifyProgress progress(Verbosity verbosity, boolean interactive, int total) {
    return VerifyProgress.start(verbosity, interactive, total, new PrintWriter(lines, true),
        new PrintStream(terminal, true, StandardCharsets.UTF_8), 100, now::get);
  }

  @Test
  void aCiLogGetsALineAtEveryTenthAndAClosingLine() {
    try (VerifyProgress progress = progress(Verbosity.NORMAL, false, 20)) {
      for (int i = 0; i < 20; i++) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        progress.accept(i % 5 == 4 ? FAILED : PASSED);
      }
    }

    List<String> printed = lines.toString().lines().toList();
    assertThat(printed).hasSize(10);
    assertThat(printed.get(0)).isEqualTo("verify: replayed 2/20 interactions (10%), 10.0/s, 0 failed, 0 s");
    assertThat(printed.get(4)).isEqualTo("verify: replayed 10/20 interactions (50%), 10.0/s, 2 failed, 1 s");
    assertThat(printed.get(9)).isEqualTo("verify: done: 20/20 interactions (100%), 10.0/s, 4 failed, 2 s");
    assertThat(terminal.size()).as("no bar outside a terminal").isZero();
  }

  @Test
  void aSlowRunStillGetsALineEveryFiveSeconds() {
    try (VerifyProgress progress = progress(Verbosity.NORMAL, false, 1000)) {
      for (int i = 0; i < 3; i++) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(6));
        progress.accept(PASSED);
      }
    }

    assertThat(lines.toString().lines()).containsExactly(
        "verify: replayed 1/1000 interactions (0%), 0.2/s, 0 failed, 6 s",
        "verify: replayed 2/1000 interactions (0%), 0.2/s, 0 failed, 12 s",
        "verify: replayed 3/1000 interactions (0%), 0.2/s, 0 failed, 18 s",
        "verify: ended: 3/1000 interactions (0%), 0.2/s, 0 failed, 18 s");
  }

  @Test
  void aTerminalGetsTheLibrarysBarWithCountRateAndFailures() {
    try (VerifyProgress progress = progress(Verbosity.NORMAL, true, 4)) {
      progress.accept(PASSED);
      progress.accept(FAILED);
      progress.accept(PASSED);
      progress.accept(PASSED);
    }

    String drawn = terminal.toString(StandardCharsets.UTF_8);
    assertThat(drawn).contains("verify 100%").contains(" 4/4 ").containsPattern("[0-9.?]+/s 1 failed").contains("\r");
    assertThat(lines.toString()).isEmpty();
  }

  @Test
  void verboseTellsEachVerdictAndQuietNothing() {
    try (VerifyProgress progress = progress(Verbosity.VERBOSE, true, 2)) {
      progress.accept(PASSED);
      progress.accept(FAILED);
    }
    try (VerifyProgress progress = progress(Verbosity.QUIET, true, 2)) {
      progress.accept(FAILED);
    }

    assertThat(lines.toString().lines()).containsExactly(
        "[1/2] karen 20046 KarenThreads subscription: accepted",
        "[2/2] adspy 80015 KarenThreads subscription: rejected");
    assertThat(terminal.size()).isZero();
  }
}
