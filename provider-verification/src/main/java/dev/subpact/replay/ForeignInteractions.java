package dev.subpact.replay;

import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.UnknownPactSource;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import au.com.dius.pact.provider.ConsumerInfo;
import au.com.dius.pact.provider.ProviderInfo;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.VerificationFailureType;
import au.com.dius.pact.provider.VerificationResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.check.Severity;
import dev.subpact.graphql.pact.ForeignInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.report.InteractionReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The interactions of a provider's pact set that are not GraphQL. An HTTP one is verified by Pact
 * JVM's own provider verifier ({@link ProviderVerifier}: Pact JVM's request, its response
 * comparison and mismatch descriptions, its state-change convention) against the origin of
 * {@link ReplayConfig#httpUrl()}, provider states posted to {@link ReplayConfig#stateUrl()}; any
 * other kind (a message, a plugin interaction) is {@link InteractionReport#NOT_VERIFIED}: an error
 * says so, so the run fails and the pact is never published as verified. A GraphQL interaction whose
 * document is over the parse limits is {@value #DOCUMENT_OVER_LIMIT}, an error the same way.
 */
final class ForeignInteractions {

  /** Pact JVM verified the interaction. */
  static final String VERIFIED = "verified";
  /** Pact JVM's response comparison found mismatches. */
  static final String HTTP_MISMATCH = "http-mismatch";
  /** A GraphQL interaction whose document is over subpact's parse limits: not replayed, counted as broken. */
  static final String DOCUMENT_OVER_LIMIT = "document-over-limit";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReplayConfig config;

  private ForeignInteractions(ReplayConfig config) {
    this.config = config;
  }

  /** One foreign interaction of one pact, in the run's order. */
  private record Item(GraphqlPact pact, ForeignInteraction interaction) {}

  /**
   * Verifies the foreign interactions of {@code pacts} (the pacts of this run's shard, whole: a
   * pact's REST interactions are verified where its GraphQL ones are replayed), in order of
   * consumer, description and consumer version, one after the other; {@code progress} hears each
   * verdict.
   */
  static List<InteractionReport> verify(ReplayConfig config, List<GraphqlPact> pacts, Consumer<InteractionReport> progress,
      Instant runDeadline) {
    List<Item> all = new ArrayList<>();
    for (GraphqlPact pact : pacts) {
      pact.foreign().forEach(i -> all.add(new Item(pact, i)));
    }
    all.sort(Comparator.comparing((Item i) -> i.pact().consumer())
        .thenComparing(i -> i.interaction().description())
        .thenComparing(i -> String.valueOf(i.pact().consumerVersion())));
    ForeignInteractions verifier = new ForeignInteractions(config);
    List<InteractionReport> reports = new ArrayList<>();
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "subpact-pact-jvm-verifier");
      t.setDaemon(true);
      return t;
    });
    try {
      for (Item item : all) {
        InteractionReport report = verifier.bounded(item, thread, runDeadline);
        progress.accept(report);
        reports.add(report);
      }
    } finally {
      thread.shutdownNow();
    }
    return reports;
  }

  /**
   * Pact JVM's verification within {@link ReplayConfig#timeout()} and the run's deadline: its HTTP
   * client has no such bound of its own. A verification cut short is {@code timed-out}.
   */
  private InteractionReport bounded(Item item, ExecutorService thread, Instant runDeadline) {
    Instant own = Instant.now().plus(config.timeout());
    Instant deadline = own.isBefore(runDeadline) ? own : runDeadline;
    Future<InteractionReport> verdict = thread.submit(() -> verify(item));
    try {
      return verdict.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException e) {
      verdict.cancel(true);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return report(item, "timed-out", List.of(Finding.error(FindingKind.OTHER, item.interaction().summary() + " did not end within "
          + (deadline.equals(own) ? ReplaySetting.TIMEOUT + " of " + config.timeout().toMillis() + " ms" : ReplaySetting.RUN_TIMEOUT + " of " + config.runTimeout().toMillis() + " ms")
          + " (Pact JVM was still waiting for the provider at " + origin() + ")")));
    } catch (ExecutionException e) {
      throw new IllegalStateException("Pact JVM's verification of '" + item.interaction().description() + "' of "
          + item.pact().consumer() + " failed unexpectedly: " + e.getCause(), e.getCause());
    }
  }

  private InteractionReport verify(Item item) {
    ForeignInteraction interaction = item.interaction();
    if (interaction.kind() == ForeignInteraction.Kind.OVER_LIMIT) {
      return report(item, DOCUMENT_OVER_LIMIT, List.of(Finding.documentOverLimit(interaction.summary(), item.pact().consumer())));
    }
    if (interaction.kind() != ForeignInteraction.Kind.HTTP) {
      return report(item, InteractionReport.NOT_VERIFIED, List.of(Finding.error(FindingKind.OTHER,
          interaction.summary() + " '" + interaction.description() + "' is not verified: subpact verify replays GraphQL and hands"
              + " HTTP interactions to Pact JVM's HTTP verifier, and neither can verify a "
              + (interaction.kind() == ForeignInteraction.Kind.MESSAGE ? "message" : "plugin interaction") + " here."
              + " Verify it where its provider produces it (Pact JVM's message verification, or the plugin's verifier);"
              + " until then this pact is not published as verified.")));
    }
    Interaction pactJvm = pactJvmInteraction(item);
    ProviderVerifier verifier = new ProviderVerifier();
    verifier.setReporters(List.of());
    Map<String, Object> failures = new LinkedHashMap<>();
    VerificationResult result = verifier.verifyInteraction(provider(item.pact()), new ConsumerInfo(item.pact().consumer()), failures, pactJvm);
    if (result instanceof VerificationResult.Failed failed) {
      return failed(item, failed);
    }
    return report(item, VERIFIED, List.of());
  }

  /** Pact JVM's verdict in subpact's words: each failure's own description, the body path of a body mismatch. */
  private InteractionReport failed(Item item, VerificationResult.Failed failed) {
    List<Finding> errors = new ArrayList<>();
    String outcome = HTTP_MISMATCH;
    for (List<VerificationFailureType> list : failed.getFailures().values()) {
      for (VerificationFailureType failure : list) {
        if (failure instanceof VerificationFailureType.MismatchFailure mismatch) {
          String path = mismatch.getMismatch() instanceof BodyMismatch body ? body.getPath() : null;
          errors.add(new Finding(FindingKind.HTTP_MISMATCH, Severity.ERROR, mismatch.getMismatch().description(), null, null,
              List.of(), null, path));
        } else if (failure instanceof VerificationFailureType.StateChangeFailure state) {
          outcome = "state-change-failed";
          errors.add(Finding.error(FindingKind.OTHER, "The provider state change failed (" + config.stateUrl() + "): "
              + describe(state.getDescription(), state.getException())));
        } else if (failure instanceof VerificationFailureType.ExceptionFailure exception) {
          outcome = "unreachable";
          errors.add(Finding.error(FindingKind.OTHER, describe(exception.getDescription(), exception.getE())
              + " (is the provider serving HTTP at " + origin() + ", " + ReplaySetting.HTTP_URL + "?)"));
        } else {
          errors.add(Finding.error(FindingKind.OTHER, failure.description()));
        }
      }
    }
    if (errors.isEmpty()) {
      errors.add(Finding.error(FindingKind.OTHER, failed.getDescription()));
    }
    return report(item, outcome, errors);
  }

  private static String describe(String description, Throwable cause) {
    return cause == null || cause.getMessage() == null ? description : description + ": " + cause.getMessage();
  }

  private static InteractionReport report(Item item, String outcome, List<Finding> errors) {
    return new InteractionReport(item.pact().consumer(), item.pact().consumerVersion(), item.interaction().description(), null,
        outcome, errors, List.of());
  }

  /** Pact JVM's own reading of the interaction: the pact's JSON around it, with its specification version. */
  private static Interaction pactJvmInteraction(Item item) {
    ObjectNode pact = JSON.createObjectNode();
    pact.putObject("consumer").put("name", item.pact().consumer());
    pact.putObject("provider").put("name", item.pact().provider());
    try {
      pact.putArray("interactions").add(JSON.readTree(item.interaction().json()));
    } catch (IOException e) {
      throw new UncheckedIOException("a foreign interaction's kept JSON no longer reads", e);
    }
    pact.putObject("metadata").putObject("pactSpecification").put("version", item.interaction().specification());
    Pact read = DefaultPactReader.INSTANCE.pactFromJson((JsonValue.Object) JsonParser.parseString(pact.toString()), UnknownPactSource.INSTANCE);
    return (Interaction) read.getInteractions().get(0);
  }

  private ProviderInfo provider(GraphqlPact pact) {
    URI origin = origin();
    ProviderInfo provider = new ProviderInfo(pact.provider());
    provider.setProtocol(origin.getScheme());
    provider.setHost(origin.getHost());
    provider.setPort(origin.getPort() == -1 ? ("https".equals(origin.getScheme()) ? 443 : 80) : origin.getPort());
    provider.setPath("/");
    if (config.stateUrl() != null) {
      try {
        provider.setStateChangeUrl(config.stateUrl().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("The state-change URL " + config.stateUrl() + " is not a URL Pact JVM can post to: " + e.getMessage(), e);
      }
      provider.setStateChangeUsesBody(true);
      provider.setStateChangeTeardown(true);
    }
    return provider;
  }

  /** The origin REST paths resolve against: {@code --http} without its path. */
  private URI origin() {
    URI http = config.httpUrl();
    return URI.create(http.getScheme() + "://" + http.getRawAuthority());
  }
}
