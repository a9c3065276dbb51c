package dev.subpact.cli;

import dev.subpact.graphql.report.TextLayout;
import dev.subpact.graphql.report.Verbosity;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every command shares about its person-facing output: {@code --quiet} / {@code --verbose}
 * (on every command, before or after its name) and the width text is wrapped to.
 */
final class Terminal {

  static final String QUIET = "--quiet";
  static final String VERBOSE = "--verbose";

  static final String QUIET_HELP = "Only what failed and the verdict: no progress, no informational lines on stderr, passed"
      + " interactions left out of text reports. Errors are still printed; JSON, JUnit and GitHub reports are unchanged.";
  static final String VERBOSE_HELP = "Every detail: each finding with its own fix where it occurs (nothing grouped), a line per"
      + " replayed interaction as it ends, every step of the demo. Machine formats are unchanged.";

  /** The width of a report written to a file or a pipe, and the fallback when a terminal's cannot be read. */
  static final int DEFAULT_WIDTH = 80;

  private Terminal() {}

  /** The options every command takes (added where the command does not have them already). */
  static void addSharedOptions(CommandSpec command) {
    if (command.findOption(QUIET) == null) {
      command.addOption(CommandLine.Model.OptionSpec.builder("-q", QUIET).description(QUIET_HELP).build());
    }
    if (command.findOption(VERBOSE) == null) {
      command.addOption(CommandLine.Model.OptionSpec.builder(VERBOSE).description(VERBOSE_HELP).build());
    }
  }

  /** {@code --quiet} or {@code --verbose} given to this command or to {@code subpact} before it. */
  static Verbosity verbosity(CommandSpec spec) {
    boolean quiet = false;
    boolean verbose = false;
    for (CommandLine cli = spec.commandLine(); cli != null; cli = cli.getParent()) {
      CommandLine.ParseResult parsed = cli.getParseResult();
      if (parsed != null) {
        quiet |= parsed.hasMatchedOption(QUIET);
        verbose |= parsed.hasMatchedOption(VERBOSE);
      }
    }
    if (quiet && verbose) {
      throw new UserInputException("--quiet and --verbose ask for opposite things: give one of them.");
    }
    return quiet ? Verbosity.QUIET : verbose ? Verbosity.VERBOSE : Verbosity.NORMAL;
  }

  /** How a text report is laid out: the terminal's width when it goes to one, else 80 columns. */
  static TextLayout layout(CommandSpec spec, boolean toStandardOutput) {
    return new TextLayout(toStandardOutput ? width() : DEFAULT_WIDTH, verbosity(spec));
  }

  /** An informational line on stderr, left out with {@code --quiet}. */
  static void info(CommandSpec spec, String line) {
    if (verbosity(spec) != Verbosity.QUIET) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(line);
      err.flush();
    }
  }

  /** Whether standard output is a terminal (a person reads it), not a file, pipe or CI log. */
  static boolean interactive() {
    return System.console() != null;
  }

  /**
   * The terminal's width: {@code COLUMNS} when exported, else what {@code stty size} says of the
   * controlling terminal; {@value #DEFAULT_WIDTH} when not on a terminal or when neither answers.
   */
  static int width() {
    if (!interactive()) {
      return DEFAULT_WIDTH;
    }
    String columns = System.getenv("COLUMNS");
    if (columns != null && columns.strip().matches("\\d{2,4}")) {
      return Integer.parseInt(columns.strip());
    }
    try {
      Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty")).redirectErrorStream(true).start();
      if (!stty.waitFor(1, TimeUnit.SECONDS)) {
        stty.destroy();
        return DEFAULT_WIDTH;
      }
      String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split("\\s+");
      return size.length == 2 && size[1].matches("\\d{2,4}") ? Integer.parseInt(size[1]) : DEFAULT_WIDTH;
    } catch (IOException e) {
      return DEFAULT_WIDTH; // no stty (or no /dev/tty): the width of a classic terminal
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DEFAULT_WIDTH;
    }
  }
}
