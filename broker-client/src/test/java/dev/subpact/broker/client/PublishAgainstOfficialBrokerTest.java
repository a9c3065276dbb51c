package dev.subpact.broker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing as the official client does, checked against the official broker's recorded
 * expectations served by the official {@code pact stub}: the stub only answers a request that
 * matches what {@code pact_broker-client} sends.
 */
class PublishAgainstOfficialBrokerTest {

  private static final OfficialBrokerStub.Selected INDEX_WITH_PUBLISH = new OfficialBrokerStub.Selected(
      "a request for the index resource", "the pb:publish-contracts relations exists in the index resource");
  private static final OfficialBrokerStub.Selected PUBLISH = new OfficialBrokerStub.Selected("a request to publish contracts", null);
  private static final String VERSION = "5556b8149bf8bac76bc30f50a8a2dd4c22c85f30";

  @TempDir Path dir;

  @Test
  void publishesThroughContractsPublishFoundInTheIndex() throws Exception {
    Path pact = dir.resolve("Foo-Bar.json");
    Files.write(pact, OfficialBrokerStub.publishedPactContent());
    try (OfficialBrokerStub broker = OfficialBrokerStub.serving(dir, List.of(INDEX_WITH_PUBLISH, PUBLISH))) {
      BrokerClient client = BrokerClient.of(broker.url(), BrokerAuth.none()).withRetries(1, Duration.ZERO);
      PublishResult result = client.publish(
          new PublishRequest(VERSION, "main", List.of("dev"), "http://build", List.of(Contract.read(pact)), true));
      assertThat(result).isEqualTo(new PublishResult("contracts/publish", List.of("some message")));
      assertThat(broker.logOnceItMentions("path: /contracts/publish", Duration.ofSeconds(5))).contains("path: /contracts/publish");
    }
  }

  @Test
  void aRequestTheOfficialBrokerWouldNotExpectIsRefused() throws Exception {
    Path pact = dir.resolve("Foo-Bar.json");
    Files.write(pact, OfficialBrokerStub.publishedPactContent());
    try (OfficialBrokerStub broker = OfficialBrokerStub.serving(dir, List.of(INDEX_WITH_PUBLISH, PUBLISH))) {
      BrokerClient client = BrokerClient.of(broker.url(), BrokerAuth.none()).withRetries(1, Duration.ZERO);
      // Another version than the recorded one: the stub finds no matching interaction.
      assertThatThrownBy(() -> client.publish(
              new PublishRequest("0.0.1", "main", List.of("dev"), "http://build", List.of(Contract.read(pact)), true)))
          .isInstanceOf(BrokerException.class)
          .hasMessageContaining("refused to publish (POST /contracts/publish");
    }
  }

  @Test
  void tagsAVersionAsTheOfficialClientDoes() throws Exception {
    try (OfficialBrokerStub broker = OfficialBrokerStub.serving(dir, List.of(
        new OfficialBrokerStub.Selected("a request for the index resource", "the pacticipant relations are present"),
        new OfficialBrokerStub.Selected("a request to tag the production version of Condor", "'Condor' exists in the pact-broker")))) {
      BrokerClient client = BrokerClient.of(broker.url(), BrokerAuth.none()).withRetries(1, Duration.ZERO);
      assertThat(client.link(client.index(), "pb:publish-contracts")).isEmpty();
      assertThat(client.tag("Condor", "1.3.0", "prod")).isEqualTo("Tagged Condor version 1.3.0 with prod");
    }
  }
}
