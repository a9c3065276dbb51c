package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.broker.client.BrokerException;
import dev.subpact.graphql.SubpactException;
import dev.subpact.graphql.gate.StaticGate;
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
  void theHintNamesTheOptionForWhatTheLibrarySaysInNeutralWords() {
    handle("check", new SchemaLoadException(StaticGate.BASELINE_UNUSABLE + "Schema file b.graphql does not exist."),
        "check", "--schema", "s.graphql", "--baseline", "b.graphql", "--pacts", "pacts");
    handle("publish", new BrokerException("The broker refused to publish (POST /contracts/publish → 409): karen version 1 already"
        + " has a different contract. Publish the new contract under a new consumer version.", 409),
        "publish", "--broker", "http://127.0.0.1:1", "--pacts", "p.json", "--consumer-version", "1");
    handle("create-environment", new BrokerException("The broker already has an environment named staging. Pick another name.", 409),
        "create-environment", "--broker", "http://127.0.0.1:1", "--name", "staging");
    handle("record-deployment", new BrokerException("The broker has no environment named stagin. Create it first, or check the"
        + " environment's name.", 404),
        "record-deployment", "--broker", "http://127.0.0.1:1", "--pacticipant", "karen", "--version", "1", "--environment", "stagin");
    handle("publish", new BrokerException("Cannot publish at the broker: nothing answers there. Check the broker's base URL.",
        new java.net.ConnectException()), "publish", "--broker", "http://127.0.0.1:1", "--pacts", "p.json", "--consumer-version", "1");

    assertThat(err.toString()).isEqualTo(
        "subpact check: " + StaticGate.BASELINE_UNUSABLE + "Schema file b.graphql does not exist. (given with --baseline)\n"
        + "subpact publish: The broker refused to publish (POST /contracts/publish → 409): karen version 1 already has a different"
        + " contract. Publish the new contract under a new consumer version. (given with --consumer-version)\n"
        + "subpact create-environment: The broker already has an environment named staging. Pick another name. (given with --name)\n"
        + "subpact record-deployment: The broker has no environment named stagin. Create it first, or check the environment's name."
        + " (given with --environment)\n"
        + "subpact publish: Cannot publish at the broker: nothing answers there. Check the broker's base URL."
        + " (given with --broker, or PACT_BROKER_BASE_URL)\n");
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
