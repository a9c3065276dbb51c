package dev.subpact.cli;

import dev.subpact.broker.client.BrokerClient;
import dev.subpact.broker.client.BrokerException;
import dev.subpact.graphql.gate.StaticGate;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoader;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --baseline} and {@code --environment}: the schema the consumers run against today, from a
 * file, a URL or subpact's broker; {@code check} compares each operation with it, {@code verify}
 * decides with it what a contract cannot say itself.
 */
final class BaselineOption {

  private static final String BROKER = "broker";

  @Option(names = "--baseline", paramLabel = "<sdl|introspection.json|url|broker>",
      description = {"The schema the consumers run against today (production): an SDL file, an introspection-result JSON file,",
          "an http(s) URL, or 'broker': the schema subpact's broker holds for the --provider version deployed to --environment",
          "(none deployed, or no --environment: the latest version on the provider's main branch).",
          "check: each operation also gets what changed from it along the fields it selects: a changed leaf type,",
          "non-null became nullable, list vs single value, a removed enum value or possible type (errors); an added enum value",
          "or possible type, a changed default of an omitted argument (warnings); a value the operation sends that is no longer",
          "accepted (INPUT_CHANGED). Renames are also recognised by shape. Unused parts of the schema are ignored.",
          "verify: decides an integral example under a 'type' rule on a field the build makes a Float (an Int in the baseline",
          "is a break; without a baseline it is a warning), and recognises renames by shape in fix hints."})
  String source;

  @Option(names = "--environment", paramLabel = "ENV", description = "With --baseline broker: the environment whose deployed provider version gives the baseline.")
  String environment;

  /** Whether the baseline is to be fetched from the broker. */
  boolean fromBroker() {
    return BROKER.equals(source);
  }

  /**
   * The baseline: fetched from the broker for {@code provider}, or loaded from the file or URL;
   * {@code null} when none was given.
   */
  Schema load(String provider, BrokerOptions broker) {
    if (source == null) {
      return null;
    }
    return fromBroker() ? fromBroker(provider, broker) : StaticGate.loadBaseline(source);
  }

  /**
   * The schema the broker holds for the provider version deployed to the environment; when none is
   * deployed there (or no environment is named), for the latest version on the provider's main branch.
   */
  Schema fromBroker(String provider, BrokerOptions broker) {
    if (provider == null) {
      throw new UserInputException("--baseline broker needs --provider NAME (and --environment ENV): the baseline is the schema"
          + " of the provider version deployed there, else of the latest version on its main branch.");
    }
    BrokerClient client = broker.client();
    try {
      Optional<String> deployed = environment == null ? Optional.empty() : client.deployedVersion(provider, environment);
      if (deployed.isPresent()) {
        String sdl = client.schema(provider, deployed.get());
        return SchemaLoader.fromSdl(sdl, "broker: " + provider + " " + deployed.get() + " (deployed to " + environment + ")");
      }
      BrokerClient.BranchVersion main = client.latestOnMainBranch(provider).orElseThrow(() -> new UserInputException(
          (environment == null ? "No --environment was named" : "No version of " + provider + " is deployed to " + environment)
              + " and " + provider + " has no version on a main branch at " + client.base() + ", so there is no baseline to"
              + " compare with: record the deployment (subpact record-deployment), publish the schema of a main-branch version"
              + " (subpact schema publish --branch main), or give --baseline a file."));
      String sdl = client.schema(provider, main.version());
      return SchemaLoader.fromSdl(sdl, "broker: " + provider + " " + main.version() + " (latest on " + main.branch()
          + (environment == null ? "" : "; none deployed to " + environment) + ")");
    } catch (BrokerException e) {
      throw new UserInputException("--baseline broker: " + e.getMessage(), e);
    }
  }
}
