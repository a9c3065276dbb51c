package dev.subpact.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.client.BrokerException;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code subpact schema}: the provider's schema in the broker. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "The provider's GraphQL schema in subpact's broker.",
    subcommands = {SchemaCommand.Publish.class})
public final class SchemaCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: subpact schema publish …");
  }

  /** {@code subpact schema publish}: publishes a provider version's schema; the broker checks every relevant contract against it. */
  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = {
        "Publishes a provider version's GraphQL schema to subpact's broker, which checks every relevant consumer contract",
        "against it (\"verified by schema\", used by can-i-deploy) and keeps it as the baseline of check --baseline broker.",
        "Exit 0: published and every contract passes; 1: published, some contract breaks; 2: bad input."
      })
  public static final class Publish implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin BrokerOptions broker;

    @Option(names = "--provider", required = true, paramLabel = "NAME", description = "The provider (backend).")
    String provider;

    @Option(names = "--version", required = true, paramLabel = "VERSION", description = "The provider version (e.g. the git sha).")
    String version;

    @Option(names = "--schema", required = true, paramLabel = "<sdl|introspection.json|url>",
        description = "The version's schema: an SDL file, an introspection-result JSON file, or an http(s) URL to introspect.")
    String schema;

    @Option(names = "--branch", paramLabel = "BRANCH",
        description = "Also record the version on this branch (e.g. main): the baseline of check --baseline broker when nothing is deployed.")
    String branch;

    @Override
    public Integer call() {
      Schema loaded = SchemaLoader.load(schema);
      JsonNode answer;
      try {
        if (branch != null) {
          broker.client().recordBranch(provider, version, branch);
        }
        answer = broker.client().publishSchema(provider, version, loaded.sdl());
      } catch (BrokerException e) {
        throw new UserInputException(e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("Published the schema of " + provider + " " + version + " (" + schema + ").");
      boolean allPass = true;
      for (JsonNode check : answer.path("verifiedBySchema")) {
        boolean success = check.path("success").asBoolean();
        allPass &= success;
        out.println("  " + (success ? "ok  " : "FAIL") + "  " + check.path("consumer").asText() + " "
            + check.path("consumerVersion").asText());
        check.path("errors").forEach(error -> out.println("        " + error.asText()));
      }
      if (answer.path("verifiedBySchema").isEmpty()) {
        out.println("  no consumer contract to check yet");
      }
      out.flush();
      return allPass ? ExitCodes.OK : ExitCodes.BROKEN;
    }
  }
}
