package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.broker.client.BrokerException;
import dev.subpact.graphql.SubpactException;
import dev.subpact.graphql.pact.PactFormatException;
import dev.subpact.graphql.schema.SchemaLoadException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The one error contract: every library's {@link SubpactException} is bad input (exit 2, one line,
 * the options that give the input named by the CLI, not by the library); an
 * {@link IllegalArgumentException} from a bug is an internal error (exit 3), never bad input.
 */
class ErrorContractTest {

  private final StringWriter err = new StringWriter();

  private int handle(String command, Exception ex, String... args) {
    CommandLine cli = SubpactCommand.commandLine();
    CommandLine.ParseResult parsed = cli.parseArgs(args);
    CommandLine sub = cli.getSubcommands().get(command);
    sub.setErr(new PrintWriter(err, true));
    return new UserErrorHandler().handleExecutionException(ex, sub, parsed);
  }

  @Test
  void aLibraryErrorIsBadInputAndTheCliNamesTheOptionThatGaveTheInput() {
    int exit = handle("check", new SchemaLoadException("Schema file s.graphql does not exist: export it first."),
        "check", "--schema", "s.graphql", "--pacts", "pacts");

    assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).isEqualTo(
        "subpact check: Schema file s.graphql does not exist: export it first. (given with --schema or --baseline)\n");
  }

  @Test
  void theHintNamesOnlyOptionsTheCommandHasAndNothingWhenTheMessageNamesThemAlready() {
    handle("publish", new PactFormatException("Pact file p.json names no consumer.name or provider.name; is it a pact?"),
        "publish", "--broker", "http://127.0.0.1:1", "--pacts", "p.json", "--consumer-version", "1");
    handle("publish", new BrokerException("Cannot reach the broker: check --broker and that it runs.", 0),
        "publish", "--broker", "http://127.0.0.1:1", "--pacts", "p.json", "--consumer-version", "1");

    assertThat(err.toString()).isEqualTo("subpact publish: Pact file p.json names no consumer.name or provider.name; is it a"
        + " pact? (given with --pacts)\n"
        + "subpact publish: Cannot reach the broker: check --broker and that it runs.\n");
  }

  @Test
  void whatWhyAndFixMakeOneMessage() {
    SubpactException e = new SubpactException("Pact directory pacts", "it holds no *.json files", "Give the folder the pacts were written to.", null);

    assertThat(e.getMessage()).isEqualTo("Pact directory pacts: it holds no *.json files. Give the folder the pacts were written to.");
    assertThat(e.what()).isEqualTo("Pact directory pacts");
    assertThat(e.why()).isEqualTo("it holds no *.json files");
    assertThat(e.fix()).isEqualTo("Give the folder the pacts were written to.");
  }

  @Test
  void anIllegalArgumentExceptionFromABugIsAnInternalErrorNotBadInput() {
    int exit = handle("publish", new IllegalArgumentException("index 3 out of bounds"),
        "publish", "--broker", "http://127.0.0.1:1", "--pacts", "p.json", "--consumer-version", "1");

    assertThat(exit).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(err.toString()).startsWith("subpact publish: internal error (a bug in subpact or its environment, not a broken contract): "
        + "java.lang.IllegalArgumentException: index 3 out of bounds.");
  }
}
