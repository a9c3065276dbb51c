package dev.subpact.broker.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.report.Report.PactVerdict;
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
 * {@code subpact pacts} writes them). Only what the run replayed is published: a pact is published
 * successful when every one of its interactions is in the report and passed, failed when every one
 * is in the report and one broke, and not at all when some interaction is missing from the report
 * (another shard replays that pact) or the pact has none (nothing was verified).
 */
public final class VerificationResults {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What happened to one pact file's result: published (verified or failed) or not, and why. */
  public record Published(String consumer, String consumerVersion, PactVerdict verdict, URI url) {

    public boolean published() {
      return verdict == PactVerdict.VERIFIED || verdict == PactVerdict.FAILED;
    }

    public boolean success() {
      return verdict == PactVerdict.VERIFIED;
    }

    /** One line for the log, e.g. {@code published: chat-bot 1.4.2 failed by abc123}. */
    public String describe(String providerVersion) {
      String pact = consumerVersion == null ? consumer : consumer + " " + consumerVersion;
      return switch (verdict) {
        case VERIFIED -> "published: " + pact + " verified by " + providerVersion;
        case FAILED -> "published: " + pact + " failed by " + providerVersion;
        case NOT_REPLAYED -> "not published: " + pact + ": not every interaction of it was replayed in this run"
            + " (in a sharded run, the shard that holds it publishes it)";
        case EMPTY -> "not published: " + pact + ": the pact has no interactions, so nothing was verified";
      };
    }
  }

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
   * Publishes {@code report}'s verdict for each of {@code pactFiles} that it replayed completely
   * (see the class comment). Every file must name a results link (fetched from a broker), checked
   * before anything is published; the provider branch is recorded only when a result is published.
   */
  public static List<Published> publish(BrokerClient broker, Report report, List<Path> pactFiles,
      String providerVersion, String providerBranch, String buildUrl) {
    List<Published> outcomes = new ArrayList<>();
    for (Path file : pactFiles) {
      GraphqlPact pact = GraphqlPacts.read(file, true); // a document over the parse limits is a failed verdict, published as such
      URI url = link(file).orElseThrow(() -> new BrokerException(file + " has no pb:publish-verification-results link: "
          + "fetch " + pact.provider() + "'s pacts from the broker (they carry the link) to publish results.", 400));
      outcomes.add(new Published(pact.consumer(), pact.consumerVersion(), report.verdictOf(pact), url));
    }
    if (providerBranch != null && outcomes.stream().anyMatch(Published::published)) {
      broker.recordBranch(providerOf(pactFiles), providerVersion, providerBranch);
    }
    for (Published p : outcomes) {
      if (p.published()) {
        broker.publishVerificationResult(p.url(), p.success(), providerVersion, null, buildUrl);
      }
    }
    return outcomes;
  }

  private static String providerOf(List<Path> pactFiles) {
    return pactFiles.isEmpty() ? "" : GraphqlPacts.read(pactFiles.get(0), true).provider();
  }
}
