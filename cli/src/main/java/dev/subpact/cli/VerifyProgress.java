package dev.subpact.cli;

import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Verbosity;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@code verify}'s progress on stderr, as each interaction's verdict comes in (from the replay's
 * worker threads):
 * <ul>
 *   <li>on a terminal, a live bar (me.tongfei:progressbar): count, rate, failures so far;</li>
 *   <li>in a CI log or a pipe, a plain line at every tenth of the run and at least every
 *       {@value #PERIOD_SECONDS} s, then one when it ends;</li>
 *   <li>with {@code --verbose}, one line per verdict instead; with {@code --quiet}, nothing.</li>
 * </ul>
 */
final class VerifyProgress implements Consumer<InteractionReport>, AutoCloseable {

  /** The longest a CI log goes without a progress line while verdicts come in. */
  static final int PERIOD_SECONDS = 5;

  private enum Mode { NONE, BAR, LINES, EACH }

  private final Mode mode;
  private final int total;
  private final PrintWriter err;
  private final LongSupplier nanoTime;
  private final ProgressBar bar;
  private final long start;
  private int done;
  private int failed;
  private int lastTenth;
  private long lastLine;

  private VerifyProgress(Mode mode, int total, PrintWriter err, PrintStream terminal, int width, LongSupplier nanoTime, boolean live) {
    this.mode = mode;
    this.total = total;
    this.err = err;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.lastLine = start;
    this.bar = mode != Mode.BAR ? null : new ProgressBarBuilder()
        .setTaskName("verify")
        .setInitialMax(total)
        .setUnit("", 1) // "verify 45% [====    ] 9/20 (0:00:02 / 0:00:02) 4.5/s 3 failed" fits 80 columns
        .showSpeed()
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(live ? new InteractiveConsoleProgressBarConsumer(terminal, width) : new ConsoleProgressBarConsumer(terminal, width))
        .build()
        .setExtraMessage(" 0 failed");
  }

  /**
   * The progress a run of {@code total} interactions shows: a bar on {@code terminal} when
   * {@code interactive}, else lines on {@code err}, as {@code verbosity} says.
   */
  static VerifyProgress start(Verbosity verbosity, boolean interactive, int total, PrintWriter err, PrintStream terminal, int width,
      LongSupplier nanoTime) {
    Mode mode = switch (verbosity) {
      case QUIET -> Mode.NONE;
      case VERBOSE -> Mode.EACH;
      case NORMAL -> interactive ? Mode.BAR : Mode.LINES;
    };
    return new VerifyProgress(total == 0 ? Mode.NONE : mode, total, err, terminal, width, nanoTime, interactive);
  }

  @Override
  public synchronized void accept(InteractionReport verdict) {
    done++;
    if (!verdict.ok()) {
      failed++;
    }
    switch (mode) {
      case BAR -> {
        bar.setExtraMessage(" " + failed + " failed");
        bar.step();
      }
      case EACH -> line(String.format(Locale.ROOT, "[%d/%d] %s %s: %s", done, total, verdict.consumerLabel(), verdict.interaction(),
          verdict.outcome()));
      case LINES -> {
        long now = nanoTime.getAsLong();
        int tenth = done * 10 / total;
        if (tenth > lastTenth || now - lastLine >= TimeUnit.SECONDS.toNanos(PERIOD_SECONDS)) {
          lastTenth = tenth;
          lastLine = now;
          if (done < total) {
            line(summary(now, "replayed"));
          }
        }
      }
      case NONE -> { }
    }
  }

  /** Ends the bar (its last state stays on screen) or writes the closing line. */
  @Override
  public synchronized void close() {
    if (mode == Mode.BAR) {
      bar.close();
    } else if (mode == Mode.LINES) {
      line(summary(nanoTime.getAsLong(), done == total ? "done:" : "ended:"));
    }
  }

  private String summary(long now, String what) {
    double seconds = (now - start) / 1e9;
    String rate = seconds > 0 ? String.format(Locale.ROOT, ", %.1f/s", done / seconds) : "";
    return String.format(Locale.ROOT, "verify: %s %d/%d interactions (%d%%)%s, %d failed, %.0f s", what, done, total,
        done * 100 / total, rate, failed, seconds);
  }

  private void line(String text) {
    err.println(text);
    err.flush();
  }
}
