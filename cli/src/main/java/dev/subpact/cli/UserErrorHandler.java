package dev.subpact.cli;

import dev.subpact.broker.client.BrokerException;
import dev.subpact.graphql.SubpactException;
import dev.subpact.graphql.check.CheckInputException;
import dev.subpact.graphql.operation.DocumentSyntaxException;
import dev.subpact.graphql.pact.PactFormatException;
import dev.subpact.graphql.schema.SchemaLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
   * nothing when the message names them already or the command has none of them.
   */
  static String flagHint(SubpactException e, CommandLine.Model.CommandSpec command) {
    List<String> options = new ArrayList<>();
    for (Map.Entry<Class<? extends SubpactException>, List<String>> entry : OPTIONS.entrySet()) {
      if (entry.getKey().isInstance(e)) {
        entry.getValue().stream().filter(o -> command.findOption(o) != null).forEach(options::add);
      }
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (options.isEmpty() || options.stream().anyMatch(message::contains)) {
      return "";
    }
    return " (given with " + String.join(" or ", options) + ")";
  }

  private static final Map<Class<? extends SubpactException>, List<String>> OPTIONS = Map.of(
      SchemaLoadException.class, List.of("--schema", "--baseline"),
      PactFormatException.class, List.of("--pacts"),
      DocumentSyntaxException.class, List.of("--documents"),
      CheckInputException.class, List.of("--pacts", "--documents"),
      BrokerException.class, List.of("--broker"));

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
