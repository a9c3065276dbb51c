package dev.subpact.replay;

import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.incident.Incident;
import java.util.List;

/** The incident's bot contracts (from consumer-contracts), optionally pinned to one subprotocol. */
final class IncidentPacts {

  private IncidentPacts() {}

  /** The ten contracts the crashed bot images carried (pre-rename client kit). */
  static List<GraphqlPact> crashed() {
    return Incident.crashedContracts();
  }

  /** The same contracts, after the client kit's rename. */
  static List<GraphqlPact> afterRename() {
    return Incident.BOTS.stream().map(b -> Incident.contract(b, Incident.ClientKit.AFTER_RENAME, "after-rename")).toList();
  }

  /** {@code pacts} whose subscriptions offer only {@code subprotocol}. */
  static List<GraphqlPact> over(String subprotocol, List<GraphqlPact> pacts) {
    return pacts.stream()
        .map(p -> new GraphqlPact(p.consumer(), p.provider(), p.consumerVersion(),
            p.interactions().stream().map(i -> i.transport() instanceof Transport.WebSocket ws
                ? new GraphqlInteraction(i.description(), i.providerStates(), i.operation(),
                    new Transport.WebSocket(ws.path(), List.of(subprotocol)), i.expected())
                : i).toList()))
        .toList();
  }
}
