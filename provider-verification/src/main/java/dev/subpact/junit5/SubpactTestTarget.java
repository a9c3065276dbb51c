package dev.subpact.junit5;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSource;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.support.Json;
import au.com.dius.pact.provider.IProviderInfo;
import au.com.dius.pact.provider.IProviderVerifier;
import au.com.dius.pact.provider.ProviderInfo;
import au.com.dius.pact.provider.ProviderResponse;
import au.com.dius.pact.provider.VerificationFailureType;
import au.com.dius.pact.provider.VerificationResult;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.TestTarget;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.pact.ForeignInteraction;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.PactFormatException;
import dev.subpact.replay.InteractionReplayer;
import dev.subpact.replay.Outcome;
import dev.subpact.replay.ReplayConfig;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import kotlin.Pair;

/**
 * A Pact JVM JUnit 5 {@link TestTarget} that replays GraphQL interactions (subscriptions over
 * WebSocket, queries and mutations over HTTP) with subpact's driver, so a backend team's
 * {@code @Provider} test shows one test per bot interaction and Pact JVM publishes the results
 * ({@code pact.verifier.publishResults}) as for any provider test:
 *
 * <pre>{@code
 * @Provider("chat-backend")
 * @PactBroker // or @PactFolder("pacts")
 * class BackendContractTest {
 *   @BeforeEach
 *   void target(PactVerificationContext context) {
 *     context.setTarget(new SubpactTestTarget(ReplayConfig.builder(URI.create("ws://localhost:8000/graphql"))
 *         .stateUrl(URI.create("http://localhost:8000/_subpact/state")).build()));
 *   }
 *
 *   @TestTemplate
 *   @ExtendWith(PactVerificationInvocationContextProvider.class)
 *   void interaction(PactVerificationContext context) {
 *     SubpactTestTarget.verify(context);
 *   }
 * }
 * }</pre>
 *
 * <p>Call {@link #verify(PactVerificationContext)} rather than {@code context.verifyInteraction()}:
 * Pact JVM 4.7 verifies a V4 {@code Synchronous/Messages} interaction only through a provider
 * method or a plugin, and compares only its first response; subpact replays the subscription and
 * matches every expected message. Provider states go to the configured state URL ({@code setup},
 * {@code trigger} once the subscription is live, {@code teardown}); Pact JVM's {@code @State}
 * methods, if any, run as usual before.
 */
public final class SubpactTestTarget implements TestTarget {

  private final ReplayConfig config;
  private final InteractionReplayer replayer;

  public SubpactTestTarget(ReplayConfig config) {
    this.config = config;
    this.replayer = new InteractionReplayer(config,
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout()).build());
  }

  /**
   * Replays the context's interaction against the target; on failure records it for Pact JVM's
   * verification results and fails the test with every finding.
   *
   * @throws AssertionError listing what broke
   * @throws IllegalStateException when the context's target is not a {@code SubpactTestTarget}
   */
  public static void verify(PactVerificationContext context) {
    if (!(context.getTarget() instanceof SubpactTestTarget target)) {
      throw new IllegalStateException("The Pact verification context's target is " + context.getTarget()
          + "; set a SubpactTestTarget in a @BeforeEach method: context.setTarget(new SubpactTestTarget(config)).");
    }
    Interaction interaction = context.getInteraction();
    Outcome outcome = target.replay(context.getPact(), interaction);
    if (outcome.ok()) {
      return;
    }
    String message = failureMessage(context.getPact(), interaction, outcome);
    AssertionError failure = new AssertionError(message);
    Map<String, List<VerificationFailureType>> failures = new LinkedHashMap<>();
    failures.put(interaction.getInteractionId() == null ? interaction.getDescription() : interaction.getInteractionId(),
        List.of(new VerificationFailureType.ExceptionFailure(message, failure, interaction)));
    List<VerificationResult.Failed> results = new ArrayList<>(context.getTestExecutionResult());
    results.add(new VerificationResult.Failed("subpact replay: " + outcome.kind(), "", failures,
        context.getConsumer().getPending()));
    context.setTestExecutionResult(results);
    throw failure;
  }

  private static String failureMessage(Pact pact, Interaction interaction, Outcome outcome) {
    return pact.getConsumer().getName() + " - " + interaction.getDescription() + ": " + outcome.kind() + "\n"
        + outcome.errors().stream().map(f -> "  - " + describe(f)).collect(Collectors.joining("\n"));
  }

  private static String describe(Finding finding) {
    return finding.message() + (finding.path() == null ? "" : " [" + finding.path() + "]");
  }

  /** Replays one Pact JVM interaction (a GraphQL pact's subscription or HTTP operation). */
  Outcome replay(Pact pact, Interaction interaction) {
    GraphqlInteraction graphql = graphqlInteraction(pact, interaction);
    try {
      return replayer.replay(graphql, UUID.randomUUID().toString(), Instant.now().plus(config.timeout()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.TimedOut("interrupted");
    }
  }

  /** Reads the Pact JVM interaction back as subpact's GraphQL interaction (same V4 JSON). */
  static GraphqlInteraction graphqlInteraction(Pact pact, Interaction interaction) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("consumer", Map.of("name", pact.getConsumer().getName()));
    document.put("provider", Map.of("name", pact.getProvider().getName()));
    document.put("interactions", List.of(interaction.asV4Interaction().toMap(PactSpecVersion.V4)));
    String json = Json.INSTANCE.toJson(document).serialise();
    GraphqlPact read = GraphqlPacts.parse(json, "the pact of " + pact.getConsumer().getName());
    if (read.interactions().isEmpty()) {
      ForeignInteraction other = read.foreign().get(0);
      throw new PactFormatException("'" + other.description() + "' of " + pact.getConsumer().getName() + " is not GraphQL ("
          + other.summary() + "): subpact's TestTarget replays GraphQL only; verify it with Pact JVM's own target"
          + " (HttpTestTarget for HTTP, MessageTestTarget for messages) in a test of its own.");
    }
    return read.interactions().get(0);
  }

  @Override
  public Map<String, Object> getUserConfig() {
    return Map.of();
  }

  @Override
  public IProviderInfo getProviderInfo(String serviceName, PactSource pactSource) {
    return new ProviderInfo(serviceName);
  }

  @Override
  public Pair<Object, Object> prepareRequest(Pact pact, Interaction interaction, Map<String, Object> context) {
    return new Pair<>(graphqlInteraction(pact, interaction), null);
  }

  @Override
  public boolean isHttpTarget() {
    return false;
  }

  @Override
  public ProviderResponse executeInteraction(Object client, Object request) {
    throw new UnsupportedOperationException(
        "SubpactTestTarget replays through SubpactTestTarget.verify(context), not context.verifyInteraction().");
  }

  @Override
  public void prepareVerifier(IProviderVerifier verifier, Object testInstance, Pact pact) {
    // nothing to prepare: subpact replays and matches by itself
  }

  @Override
  public boolean supportsInteraction(Interaction interaction) {
    return interaction instanceof V4Interaction.SynchronousMessages || interaction instanceof V4Interaction.SynchronousHttp;
  }

  @Override
  public String toString() {
    return "SubpactTestTarget[" + config.websocketUrl() + "]";
  }
}
