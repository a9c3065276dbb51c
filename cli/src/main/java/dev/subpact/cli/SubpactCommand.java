package dev.subpact.cli;

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
    CommandLine cli = new CommandLine(new SubpactCommand());
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
    System.exit(commandLine().execute(args));
  }
}
