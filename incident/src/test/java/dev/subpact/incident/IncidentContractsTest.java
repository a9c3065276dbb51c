package dev.subpact.incident;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.V4Interaction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed incident pacts are exactly what {@link Incident} builds (run with
 * {@code -Dsubpact.golden.update=true} to rewrite them after a deliberate change), they carry the
 * client kit's wire text byte for byte, and Pact JVM reads them unchanged.
 */
class IncidentContractsTest {

  private static final Path PACTS = Path.of("src/main/resources/dev/subpact/incident/pacts");

  static List<GraphqlPact> contracts() {
    return Incident.crashedContracts();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void committedPactIsWhatTheIncidentBuilds(GraphqlPact contract) throws IOException {
    Path file = PACTS.resolve(contract.fileName());
    String expected = GraphqlPacts.write(contract);
    if (Boolean.getBoolean("subpact.golden.update")) {
      Files.writeString(file, expected, StandardCharsets.UTF_8);
    }
    assertThat(file).exists();
    assertThat(Files.readString(file)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void pactCarriesTheWireTextAndReadsBackEqual(GraphqlPact contract) {
    GraphqlPact read = GraphqlPacts.read(PACTS.resolve(contract.fileName()));

    assertThat(read).isEqualTo(contract);
    assertThat(read.consumerVersion()).isEqualTo(Incident.bot(contract.consumer()).version());
    assertThat(read.interactions()).extracting(i -> i.operation().document().text())
        .containsExactly(ClientKitOperation.DELETE_EMESSAGES_BEFORE_RENAME.wireText(),
            ClientKitOperation.KAREN_THREADS_BEFORE_RENAME.wireText());
    assertThat(read.interactions().get(1).transport())
        .isEqualTo(new Transport.WebSocket("/v1/graphql", List.of("graphql-ws", "graphql-transport-ws")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void pactJvmReadsThePactUnchanged(GraphqlPact contract) {
    Pact pact = DefaultPactReader.INSTANCE.loadPact(PACTS.resolve(contract.fileName()).toFile());

    assertThat(pact.getConsumer().getName()).isEqualTo(contract.consumer());
    assertThat(pact.getProvider().getName()).isEqualTo(Incident.PROVIDER);
    assertThat(pact.getInteractions()).hasSize(2);
    assertThat(pact.getInteractions().get(1)).isInstanceOf(V4Interaction.SynchronousMessages.class);
    V4Interaction.SynchronousMessages subscription = (V4Interaction.SynchronousMessages) pact.getInteractions().get(1);
    assertThat(subscription.getRequest().getMetadata()).containsKeys("graphql.transport", "graphql.path", "graphql.subprotocols");
    assertThat(subscription.getResponse()).hasSize(Incident.bot(contract.consumer()).expectsMessage() ? 1 : 0);
    assertThat(pact.getInteractions().get(0)).isInstanceOf(V4Interaction.SynchronousHttp.class);
  }

  @Test
  void theIncidentNamesTenBotsWithTheirCrashedVersions() {
    assertThat(Incident.BOTS).extracting(b -> b.name() + ":" + b.version())
        .containsExactly("admonster:20045", "boss:20045", "bob:30004", "frog:20045", "karen:20045",
            "lawyerrat:20045", "owl-strategist:20045", "slonik:20045", "rick:20021", "adspy:80015");
  }

  @Test
  void writingTwiceGivesTheSameBytes() {
    GraphqlPact karen = Incident.contract(Incident.bot("karen"), Incident.ClientKit.AFTER_RENAME, "20046");
    assertThat(GraphqlPacts.write(karen)).isEqualTo(GraphqlPacts.write(karen));
    assertThat(GraphqlPacts.parse(GraphqlPacts.write(karen), "karen")).isEqualTo(karen);
  }
}
