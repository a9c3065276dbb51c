package dev.subpact.cli;

import dev.subpact.broker.client.BrokerEnvironment;
import dev.subpact.broker.client.BrokerException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code subpact list-environments}: the broker's environments, sorted by name. */
@Command(
    name = "list-environments",
    mixinStandardHelpOptions = true,
    description = "Lists the broker's environments, sorted by name.")
public final class ListEnvironmentsCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin BrokerOptions broker;

  @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "text|table|json",
      description = "table (default; text is the same) or json.")
  OutputFormat output;

  @Override
  public Integer call() throws Exception {
    List<BrokerEnvironment> environments;
    try {
      environments = broker.client().environments();
    } catch (BrokerException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.json) {
      out.println(CreateEnvironmentCommand.JSON.writeValueAsString(environments));
    } else if (environments.isEmpty()) {
      out.println("The broker has no environments yet: create one with subpact create-environment --name staging.");
    } else {
      out.print(TextTable.render(List.of("NAME", "DISPLAY NAME", "PRODUCTION", "UUID"), environments.stream()
          .map(e -> List.of(e.name(), e.displayName() == null ? "-" : e.displayName(), e.production() ? "yes" : "no", e.uuid()))
          .toList()));
      out.flush();
    }
    return ExitCodes.OK;
  }
}
