package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.broker.client.BrokerAuth;
import dev.subpact.broker.client.BrokerClient;
import dev.subpact.broker.client.Contract;
import dev.subpact.broker.client.PublishRequest;
import dev.subpact.broker.client.PublishResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * subpact's broker client (broker-client) works with either broker: subpact's own (always
 * run) and the official pactfoundation/pact-broker image on PostgreSQL, configured as in
 * deploy/docker-compose.yml (run where Docker and the images are available, skipped elsewhere).
 */
class SubpactClientCompatibilityTest {

  static final String OFFICIAL_IMAGE = "pactfoundation/pact-broker:2.124.0-pactbroker2.112.0";

  static void publishTagAndFetch(URI base, BrokerAuth auth) {
    BrokerClient client = BrokerClient.of(base, auth).withRetries(3, Duration.ofMillis(200));
    byte[] pact = Http.pact("karen", "flexus-backend", "threads subscription").getBytes(StandardCharsets.UTF_8);
    PublishResult result = client.publish(new PublishRequest("1.0.0", "main", List.of("dev"), null,
        List.of(new Contract("karen", "flexus-backend", pact, "karen-flexus-backend.json")), false));
    assertThat(result.messages()).isNotEmpty();
    client.tag("karen", "1.0.0", "prod");
    Optional<String> latest = client.latestPact("flexus-backend", "karen", "main");
    assertThat(latest).hasValueSatisfying(content -> assertThat(content).contains("threads subscription"));
  }

  @Test
  void worksWithSubpactsBroker() {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, Engine.SQLITE.newDatabase())
        .withAuth("ci:secret", null, null, false))) {
      publishTagAndFetch(URI.create(broker.url() + "/"), new BrokerAuth.Basic("ci", "secret"));
    }
  }

  @Test
  void worksWithTheOfficialBrokerImage() {
    Assumptions.assumeTrue(dockerAvailable(), "Docker is not available on this machine (no daemon), so the official "
        + OFFICIAL_IMAGE + " image cannot run; the same client flow runs against subpact's broker in worksWithSubpactsBroker.");
    try (Network network = Network.newNetwork();
        GenericContainer<?> postgres = new GenericContainer<>("postgres:16.4").withNetwork(network)
            .withNetworkAliases("postgres").withEnv("POSTGRES_USER", "pact_broker")
            .withEnv("POSTGRES_PASSWORD", "pact_broker").withEnv("POSTGRES_DB", "pact_broker")
            .waitingFor(Wait.forLogMessage(".*ready to accept connections.*\\n", 2));
        GenericContainer<?> official = new GenericContainer<>(OFFICIAL_IMAGE).withNetwork(network)
            .withEnv("PACT_BROKER_DATABASE_URL", "postgres://pact_broker:pact_broker@postgres/pact_broker")
            .withEnv("PACT_BROKER_BASIC_AUTH_USERNAME", "ci").withEnv("PACT_BROKER_BASIC_AUTH_PASSWORD", "secret")
            .withEnv("PACT_BROKER_BASIC_AUTH_READ_ONLY_USERNAME", "viewer")
            .withEnv("PACT_BROKER_BASIC_AUTH_READ_ONLY_PASSWORD", "view")
            .withEnv("PACT_BROKER_PUBLIC_HEARTBEAT", "true")
            .withEnv("PACT_BROKER_WEBHOOK_HOST_WHITELIST", "ci.example.com")
            .withExposedPorts(9292)
            .waitingFor(Wait.forHttp("/diagnostic/status/heartbeat").forStatusCode(200))) {
      postgres.start();
      official.start();
      publishTagAndFetch(URI.create("http://" + official.getHost() + ":" + official.getMappedPort(9292) + "/"),
          new BrokerAuth.Basic("ci", "secret"));
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
