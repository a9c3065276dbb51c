package dev.subpact.cli;

import dev.subpact.graphql.operation.DocumentSyntaxException;
import dev.subpact.graphql.pact.PactFormatException;
import dev.subpact.graphql.schema.SchemaLoadException;
import picocli.CommandLine;

/**
 * Turns the errors a user can fix (unreadable schema, malformed pact, bad document, unusable
 * option) into one line on stderr and exit 2; anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed)
      throws Exception {
    if (ex instanceof SchemaLoadException
        || ex instanceof PactFormatException
        || ex instanceof DocumentSyntaxException
        || ex instanceof UserInputException) {
      cli.getErr().println("subpact " + cli.getCommandName() + ": " + ex.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    throw ex;
  }
}
