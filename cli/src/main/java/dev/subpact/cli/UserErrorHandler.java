package dev.subpact.cli;

import dev.subpact.broker.client.BrokerException;
import dev.subpact.broker.BrokerStartException;
import dev.subpact.graphql.SubpactException;
import dev.subpact.graphql.check.CheckInputException;
import dev.subpact.graphql.gate.StaticGate;
import dev.subpact.graphql.operation.DocumentSyntaxException;
import dev.subpact.graphql.pact.PactFormatException;
import dev.subpact.graphql.schema.SchemaLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * Turns the errors a user can fix (every {@link SubpactException}: unreadable schema, malformed
 * pact, bad document, broker refusal, unusable option) into one line on stderr, with the options
 * that give the input at fault, and exit 2. Anything else (an {@link IllegalArgumentException} or
 * {@link IllegalStateException} from a bug included) is an internal error, never mistaken
 * for a broken contract: one line saying so and where its stack trace went (a file in the system's
 * temporary folder; on stderr with {@code --debug}, or when no file can be written), exit 3.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

  /** The option that prints an internal error's stack trace on stderr (every command has it). */
  static final String DEBUG = "--debug";

  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (ex instanceof SubpactException input) {
      err.println("subpact " + cli.getCommandName() + ": " + input.getMessage() + flagHint(input, cli.getCommandSpec()));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    String what = "subpact " + cli.getCommandName() + ": internal error (a bug in subpact or its environment, not a broken contract): "
        + ex.getClass().getName() + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage())) + ".";
    StringWriter trace = new StringWriter();
    ex.printStackTrace(new PrintWriter(trace));
    if (debug(parsed)) {
      err.println(what + " Stack trace follows (--debug).");
      err.print(trace);
    } else {
      try {
        Path file = Files.createTempFile("subpact-internal-error-", ".txt");
        Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
        err.println(what + " Stack trace written to " + file + " (--debug prints it here); please report it.");
      } catch (IOException | RuntimeException cannotWrite) {
        err.println(what + " The stack trace could not be written to a file (" + cannotWrite.getMessage() + "), so it follows.");
        err.print(trace);
      }
    }
    err.flush();
    return ExitCodes.INTERNAL_ERROR;
  }

  /**
   * The command's options that give the input an error is about, e.g. {@code " (given with --schema)"};
   * nothing when the message names them already or the command has none of them. The libraries say
   * "the baseline schema", "a new consumer version", "the broker's credentials" in neutral words;
   * the first of {@link #HINTS} that fits the error and names an option of this command gives the hint.
   */
  static String flagHint(SubpactException e, CommandLine.Model.CommandSpec command) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    for (Hint hint : HINTS) {
      if (!hint.type().isInstance(e) || !hint.when().test(e)) {
        continue;
      }
      List<String> options = hint.options().stream().filter(o -> command.findOption(o) != null).toList();
      if (options.isEmpty()) {
        continue;
      }
      if (options.stream().anyMatch(message::contains)) {
        return "";
      }
      return " (given with " + String.join(" or ", options) + (hint.environment() == null ? "" : ", or " + hint.environment()) + ")";
    }
    return "";
  }

  /**
   * Which options give the input of an error of {@code type} for which {@code when} holds, and the
   * environment variables that can give it instead ({@code null}: none).
   */
  private record Hint(Class<? extends SubpactException> type, Predicate<SubpactException> when, List<String> options, String environment) {

    Hint(Class<? extends SubpactException> type, List<String> options) {
      this(type, e -> true, options, null);
    }
  }

  private static final List<Hint> HINTS = List.of(
      new Hint(SchemaLoadException.class, e -> e.getMessage().startsWith(StaticGate.BASELINE_UNUSABLE), List.of("--baseline"), null),
      new Hint(SchemaLoadException.class, List.of("--schema", "--baseline")),
      new Hint(PactFormatException.class, List.of("--pacts")),
      new Hint(DocumentSyntaxException.class, List.of("--documents")),
      new Hint(CheckInputException.class, List.of("--pacts", "--documents")),
      new Hint(BrokerException.class, e -> status(e) == 401, List.of("--username", "--password", "--token"),
          "PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD or PACT_BROKER_TOKEN"),
      new Hint(BrokerException.class, e -> status(e) == 409, List.of("--consumer-version", "--name"), null),
      new Hint(BrokerException.class, e -> status(e) == 404 && e.getMessage().contains("environment"),
          List.of("--environment", "--to-environment"), null),
      new Hint(BrokerException.class, e -> true, List.of("--broker"), "PACT_BROKER_BASE_URL"),
      new Hint(BrokerStartException.class, e -> setting(e) == BrokerStartException.Setting.WEBHOOK_HOSTS, List.of("--webhook-host"), null),
      new Hint(BrokerStartException.class, e -> setting(e) == BrokerStartException.Setting.DATABASE, List.of("--database"), null),
      new Hint(BrokerStartException.class, e -> setting(e) == BrokerStartException.Setting.ADDRESS, List.of("--host", "--port"), null));

  private static BrokerStartException.Setting setting(SubpactException e) {
    return ((BrokerStartException) e).setting();
  }

  private static int status(SubpactException e) {
    return ((BrokerException) e).status();
  }

  private static boolean debug(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.commandSpec().findOption(DEBUG) != null && p.hasMatchedOption(DEBUG)) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline) + " …";
  }
}
