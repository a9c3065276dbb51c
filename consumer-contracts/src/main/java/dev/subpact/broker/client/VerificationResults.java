package dev.subpact.broker.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.report.Report;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes a verification run's results to the broker the pacts came from: one result per pact
 * file, to the {@code pb:publish-verification-results} link the broker served with it (as
 * {@code subpact pacts} writes them), successful when every interaction of that consumer version
 * passed.
 */
public final class VerificationResults {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What was published for one pact file. */
  public record Published(String consumer, String consumerVersion, boolean success, URI url) {}

  private VerificationResults() {}

  /** The pact's {@code pb:publish-verification-results} URL, when it came from a broker. */
  public static Optional<URI> link(Path pactFile) {
    try {
      JsonNode href = JSON.readTree(Files.readString(pactFile)).path("_links").path("pb:publish-verification-results").path("href");
      return href.isTextual() ? Optional.of(URI.create(href.asText())) : Optional.empty();
    } catch (IOException e) {
      throw new BrokerException("Cannot read " + pactFile + " to find where its verification result goes: " + e.getMessage(), e);
    }
  }

  /**
   * Publishes {@code report}'s verdict for each of {@code pactFiles} that names a results link;
   * files without one (not fetched from a broker) are refused with how to fetch them.
   */
  public static List<Published> publish(BrokerClient broker, Report report, List<Path> pactFiles,
      String providerVersion, String providerBranch, String buildUrl) {
    if (providerBranch != null) {
      broker.recordBranch(providerOf(pactFiles), providerVersion, providerBranch);
    }
    List<Published> published = new ArrayList<>();
    for (Path file : pactFiles) {
      GraphqlPact pact = GraphqlPacts.read(file);
      URI url = link(file).orElseThrow(() -> new BrokerException(file + " has no pb:publish-verification-results link: "
          + "fetch the pacts from the broker with `subpact pacts --provider " + pact.provider() + " --out DIR` to publish results.", 400));
      boolean success = report.passed(pact.consumer(), pact.consumerVersion());
      broker.publishVerificationResult(url, success, providerVersion, null, buildUrl);
      published.add(new Published(pact.consumer(), pact.consumerVersion(), success, url));
    }
    return published;
  }

  private static String providerOf(List<Path> pactFiles) {
    return pactFiles.isEmpty() ? "" : GraphqlPacts.read(pactFiles.get(0)).provider();
  }
}
