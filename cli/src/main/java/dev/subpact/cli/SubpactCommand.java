package dev.subpact.cli;

import dev.subpact.graphql.check.StaticGate;
import dev.subpact.websocket.WebSocketSession;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code subpact} command: one subcommand per job. Holds no logic. */
@Command(
    name = "subpact",
    mixinStandardHelpOptions = true,
    version = "subpact 0.1.0",
    description = "Consumer-driven contract testing for GraphQL backends whose clients hold subscriptions over WebSocket.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      CheckCommand.class,
      VerifyCommand.class,
      BackendCommand.class,
      CaptureCommand.class,
      PublishCommand.class,
      BrokerCommand.class,
      PactsCommand.class,
      CanIDeployCommand.class,
      RecordDeploymentCommand.class,
    })
public final class SubpactCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The command line as the launcher runs it: user errors exit 2 with a message, never a stack trace. */
  public static CommandLine commandLine() {
    return withErrorHandling(new CommandLine(new SubpactCommand()));
  }

  /**
   * {@code check} alone: the static gate runs on every CI build, so it skips building the other
   * subcommands (their classes and static state, Jackson among them) before it starts.
   */
  static CommandLine checkCommandLine() {
    CommandLine root = new CommandLine(CommandLine.Model.CommandSpec.create().name("subpact"));
    root.addSubcommand("check", new CommandLine(new CheckCommand()));
    return withErrorHandling(root);
  }

  private static CommandLine withErrorHandling(CommandLine cli) {
    cli.setExecutionExceptionHandler(new UserErrorHandler());
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("subpact: " + ex.getMessage());
          ex.getCommandLine().getErr().println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
          return ExitCodes.BAD_INPUT;
        });
    return cli;
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("check")) {
      if (java.util.Arrays.stream(args).noneMatch(a -> a.startsWith("--header"))) {
        schemaOption(args).ifPresent(StaticGate::prefetch); // with headers, the check loads it with them
      }
      System.exit(checkCommandLine().execute(args));
    }
    WebSocketSession.useCommonPoolForHandshakes();
    System.exit(commandLine().execute(args));
  }

  /** The value of {@code --schema} (either spelling), so that loading it overlaps with option parsing. */
  static Optional<String> schemaOption(String[] args) {
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--schema") && i + 1 < args.length) {
        return Optional.of(args[i + 1]);
      }
      if (args[i].startsWith("--schema=")) {
        return Optional.of(args[i].substring("--schema=".length()));
      }
    }
    return Optional.empty();
  }
}
