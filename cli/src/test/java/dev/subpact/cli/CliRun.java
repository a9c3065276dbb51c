package dev.subpact.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** Runs the {@code subpact} command line in the test JVM, its stdout and stderr into one writer. */
final class CliRun {

  private CliRun() {}

  static int execute(StringWriter out, String... args) {
    CommandLine cli = SubpactCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    return cli.execute(args);
  }

  /** {@code args} followed by {@code --broker URL}. */
  static String[] againstBroker(String url, String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--broker";
    all[args.length + 1] = url;
    return all;
  }
}
