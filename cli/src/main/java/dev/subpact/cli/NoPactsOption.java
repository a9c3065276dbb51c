package dev.subpact.cli;

import dev.subpact.graphql.pact.GraphqlPact;
import java.io.PrintWriter;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * {@code --fail-if-no-pacts}, and what {@code check} and {@code verify} say when the pacts hold
 * nothing to verify. A provider with no contracts yet is no error by default (its first pipeline
 * run must pass); Pact JVM's {@code failIfNoPactsFound} convention makes it one on request.
 */
final class NoPactsOption {

  @Option(names = "--fail-if-no-pacts",
      description = "Exit 1 when the pacts hold no interaction to verify (Pact JVM's failIfNoPactsFound); by default that passes (exit 0).")
  boolean failIfNoPacts;

  /** True when {@code pacts} hold no interaction at all, GraphQL or other. */
  static boolean nothingToVerify(List<GraphqlPact> pacts) {
    return pacts.stream().allMatch(p -> p.interactions().isEmpty() && p.foreign().isEmpty());
  }

  /**
   * Says on {@code err} that there is nothing to verify, for the provider when it is known
   * ({@code provider}, else the providers the empty pacts name), and returns the exit code.
   */
  int conclude(String provider, List<GraphqlPact> pacts, PrintWriter err) {
    TreeSet<String> providers = new TreeSet<>();
    if (provider != null) {
      providers.add(provider);
    } else {
      pacts.forEach(p -> providers.add(p.provider()));
    }
    String message = "no contracts to verify" + (providers.isEmpty() ? "" : " for " + String.join(", ", providers));
    err.println(failIfNoPacts ? message + ": failing as --fail-if-no-pacts asks" : message);
    err.flush();
    return failIfNoPacts ? ExitCodes.BROKEN : ExitCodes.OK;
  }
}
