package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code subpact broker}: bad options exit 2 with a message naming the problem. */
class BrokerCommandTest {

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = SubpactCommand.commandLine();
    if (!cli.getSubcommands().containsKey("broker")) {
      cli.addSubcommand("broker", new BrokerCommand());
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void basicAuthMustBeUserColonPassword() {
    Run run = run("broker", "--port", "0", "--basic-auth", "nocolon");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("--basic-auth must be USER:PASS");
  }

  @Test
  void unsupportedDatabaseIsBadInput() {
    Run run = run("broker", "--port", "0", "--database", "mysql://x");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("Unsupported database 'mysql://x'").contains("sqlite:PATH");
  }

  @Test
  void unreachablePostgresqlIsBadInputWithoutThePassword(@TempDir Path dir) {
    Run run = run("broker", "--port", "0", "--database", "postgresql://app:s3cret@127.0.0.1:1/broker");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("Cannot connect to the database postgresql://app:***@127.0.0.1:1/broker")
        .doesNotContain("s3cret");
  }

  @Test
  void readOnlyAuthNeedsAWriter() {
    Run run = run("broker", "--port", "0", "--read-only-auth", "viewer:view");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("--read-only-auth needs --basic-auth or --token");
  }
}
