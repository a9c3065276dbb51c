package dev.subpact.cli;

import dev.subpact.graphql.gate.StaticGate;
import dev.subpact.websocket.WebSocketSession;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code subpact} command: one subcommand per job. Holds no logic. */
@Command(
    name = "subpact",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersion.class,
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
      RecordReleaseCommand.class,
      RecordSupportEndedCommand.class,
      CreateEnvironmentCommand.class,
      ListEnvironmentsCommand.class,
      SchemaCommand.class,
      ReportCommand.class,
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

  /**
   * Every command, however it is built: the shared exit codes in its {@code --help} footer, the
   * {@code --debug} option, user errors as exit 2 with one line, internal errors as exit 3.
   */
  private static CommandLine withErrorHandling(CommandLine cli) {
    cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, SubpactCommand::commandList);
    withSharedOptions(cli);
    cli.setExecutionExceptionHandler(new UserErrorHandler());
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("subpact: " + ex.getMessage());
          if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, ex.getCommandLine().getErr());
          }
          ex.getCommandLine().getErr().println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
          return ExitCodes.BAD_INPUT;
        });
    return cli;
  }

  /**
   * The command list of {@code --help}: each command with the first whole sentence of its
   * description (picocli's default takes the first description line, which may stop mid-sentence).
   */
  private static String commandList(CommandLine.Help help) {
    Map<String, CommandLine.Help> commands = help.subcommands();
    if (commands.isEmpty()) {
      return "";
    }
    int nameWidth = commands.keySet().stream().mapToInt(String::length).max().orElse(0) + 4;
    int width = help.commandSpec().usageMessage().width();
    CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
        new CommandLine.Help.Column(nameWidth, 2, CommandLine.Help.Column.Overflow.SPAN),
        new CommandLine.Help.Column(width - nameWidth, 1, CommandLine.Help.Column.Overflow.WRAP));
    for (Map.Entry<String, CommandLine.Help> command : commands.entrySet()) {
      table.addRowValues(help.colorScheme().commandText(command.getKey()),
          help.colorScheme().text(firstSentence(command.getValue().commandSpec().usageMessage().description())));
    }
    return table.toString();
  }

  static String firstSentence(String[] description) {
    String text = String.join(" ", description).replaceAll("\\s+", " ").strip();
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  private static void withSharedOptions(CommandLine cli) {
    CommandLine.Model.CommandSpec command = cli.getCommandSpec();
    command.usageMessage().footer(ExitCodes.FOOTER);
    if (command.findOption(UserErrorHandler.DEBUG) == null) {
      command.addOption(CommandLine.Model.OptionSpec.builder(UserErrorHandler.DEBUG)
          .description("On an internal error (exit 3), print the stack trace on stderr.").build());
    }
    Terminal.addSharedOptions(command);
    cli.getSubcommands().values().forEach(SubpactCommand::withSharedOptions);
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
