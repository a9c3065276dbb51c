package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Exit 3 means an internal error, and nothing else does; every command's help lists the codes. */
class InternalErrorTest {

  private final StringWriter err = new StringWriter();

  private int handle(Exception ex, String... args) {
    CommandLine cli = SubpactCommand.commandLine();
    cli.setErr(new PrintWriter(err, true));
    CommandLine.ParseResult parsed = cli.parseArgs(args);
    CommandLine verify = cli.getSubcommands().get("verify");
    verify.setErr(new PrintWriter(err, true));
    return new UserErrorHandler().handleExecutionException(ex, verify, parsed);
  }

  @Test
  void anUnexpectedExceptionIsExit3WithOneLineNamingTheFileThatHoldsItsStackTrace() throws Exception {
    int exit = handle(new IllegalStateException("Replaying 'KarenThreads subscription' of karen failed unexpectedly"),
        "verify", "--backend", "ws://127.0.0.1:1/v1/graphql", "--pacts", "pacts");

    assertThat(exit).isEqualTo(ExitCodes.INTERNAL_ERROR).isEqualTo(3);
    assertThat(err.toString()).hasLineCount(1)
        .startsWith("subpact verify: internal error (a bug in subpact or its environment, not a broken contract): "
            + "java.lang.IllegalStateException: Replaying 'KarenThreads subscription' of karen failed unexpectedly.")
        .contains("(--debug prints it here)");
    Matcher file = Pattern.compile("Stack trace written to (\\S+) ").matcher(err.toString());
    assertThat(file.find()).as(err.toString()).isTrue();
    Path trace = Path.of(file.group(1));
    assertThat(Files.readString(trace)).contains("java.lang.IllegalStateException: Replaying").contains("at dev.subpact.cli.InternalErrorTest");
    Files.delete(trace);
  }

  @Test
  void debugPrintsTheStackTraceOnStderr() {
    int exit = handle(new NullPointerException("boom"), "verify", "--backend", "ws://127.0.0.1:1/v1/graphql", "--pacts", "pacts", "--debug");

    assertThat(exit).isEqualTo(3);
    assertThat(err.toString()).contains("java.lang.NullPointerException: boom. Stack trace follows (--debug).")
        .contains("\tat dev.subpact.cli.InternalErrorTest");
  }

  @Test
  void userErrorsStayExit2() {
    int exit = handle(new UserInputException("--concurrency must be at least 1, not 0."), "verify", "--backend", "ws://x/y", "--pacts", "p");
    assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).isEqualTo("subpact verify: --concurrency must be at least 1, not 0." + System.lineSeparator());
  }

  @Test
  void everyCommandsHelpEndsWithTheExitCodesAndOffersDebug() {
    CommandLine cli = SubpactCommand.commandLine();
    for (var entry : cli.getSubcommands().entrySet()) {
      if (entry.getKey().equals("help")) {
        continue;
      }
      String usage = entry.getValue().getUsageMessage();
      assertThat(usage).as(entry.getKey()).contains("--debug")
          .contains("Exit codes: 0 all pass; 1 a contract breaks (can-i-deploy: no); 2 bad input")
          .contains("3 internal error (one line says where the stack trace went; --debug prints it).");
    }
    assertThat(SubpactCommand.checkCommandLine().getSubcommands().get("check").getUsageMessage()).contains("3 internal error");
  }
}
