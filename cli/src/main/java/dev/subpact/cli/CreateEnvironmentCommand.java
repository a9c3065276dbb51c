package dev.subpact.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.subpact.broker.client.BrokerEnvironment;
import dev.subpact.broker.client.BrokerException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code subpact create-environment}: an environment versions can be deployed or released to. */
@Command(
    name = "create-environment",
    mixinStandardHelpOptions = true,
    description = "Creates an environment in the broker (e.g. staging, production), so that record-deployment, "
        + "record-release and can-i-deploy --to-environment can name it.")
public final class CreateEnvironmentCommand implements Callable<Integer> {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin BrokerOptions broker;

  @Option(names = "--name", required = true, description = "The name scripts use, e.g. staging (no spaces or slashes).")
  String name;

  @Option(names = "--display-name", description = "A readable name, e.g. \"Staging (EU)\".")
  String displayName;

  @Option(names = "--production", description = "It is a production environment.")
  boolean production;

  @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|table|json",
      description = "text (default), table or json (the environment as the broker stored it).")
  OutputFormat output;

  @Override
  public Integer call() throws Exception {
    BrokerEnvironment created;
    try {
      created = broker.client().createEnvironment(new BrokerEnvironment(null, name, displayName, production));
    } catch (BrokerException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.json) {
      out.println(JSON.writeValueAsString(created));
    } else {
      out.println("Created environment " + created.name() + (created.production() ? " (production)" : "")
          + " with UUID " + created.uuid() + ".");
    }
    return ExitCodes.OK;
  }
}
