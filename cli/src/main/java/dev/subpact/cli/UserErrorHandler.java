package dev.subpact.cli;

import dev.subpact.graphql.operation.DocumentSyntaxException;
import dev.subpact.graphql.pact.PactFormatException;
import dev.subpact.graphql.schema.SchemaLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Turns the errors a user can fix (unreadable schema, malformed pact, bad document, unusable
 * option) into one line on stderr and exit 2. Anything else is an internal error, never mistaken
 * for a broken contract: one line saying so and where its stack trace went (a file in the system's
 * temporary folder; on stderr with {@code --debug}, or when no file can be written), exit 3.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

  /** The option that prints an internal error's stack trace on stderr (every command has it). */
  static final String DEBUG = "--debug";

  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (ex instanceof SchemaLoadException
        || ex instanceof PactFormatException
        || ex instanceof DocumentSyntaxException
        || ex instanceof UserInputException) {
      err.println("subpact " + cli.getCommandName() + ": " + ex.getMessage());
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
