package dev.subpact.websocket.server;

import dev.subpact.graphql.websocket.CloseCode;
import dev.subpact.graphql.websocket.ServerSession;
import dev.subpact.graphql.websocket.Subprotocol;
import java.util.Optional;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.JettyWebSocketCreator;

/**
 * The upgrade as Strawberry answers it: the first subprotocol offered that the server speaks
 * ({@link Subprotocol#negotiate}) is accepted and its connection made by the server; an upgrade that
 * offers none is accepted too, then closed 4406.
 */
public final class Negotiation {

  private Negotiation() {}

  /** What a server does with an upgrade. */
  public interface Upgrades {
    /** The connection for an upgrade that offered {@code chosen}. */
    JettyConnection accepted(JettyServerUpgradeRequest request, Subprotocol chosen);

    /** Told of an upgrade that offered no subprotocol the server speaks, before it is closed 4406. */
    default void refused(JettyServerUpgradeRequest request) {}
  }

  /** A creator for Jetty's WebSocket servlet factory that negotiates and hands accepted upgrades to {@code upgrades}. */
  public static JettyWebSocketCreator creator(Upgrades upgrades) {
    return (request, response) -> {
      Optional<Subprotocol> chosen = Subprotocol.negotiate(request.getSubProtocols());
      if (chosen.isEmpty()) {
        upgrades.refused(request);
        return new NotAcceptable();
      }
      response.setAcceptedSubProtocol(chosen.get().wireName());
      return upgrades.accepted(request, chosen.get());
    };
  }

  /** A connection that offered no subprotocol the server speaks: Strawberry accepts the upgrade, then closes 4406. */
  private static final class NotAcceptable implements WebSocketListener {
    @Override
    public void onWebSocketConnect(Session session) {
      session.close(CloseCode.SUBPROTOCOL_NOT_ACCEPTABLE.code(), ServerSession.NOT_ACCEPTABLE_REASON);
    }
  }
}
