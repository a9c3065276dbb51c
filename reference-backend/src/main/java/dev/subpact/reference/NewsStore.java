package dev.subpact.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The reference backend's data: installed bots, external messages, and the live subscriptions
 * events are pushed to. Seeded and triggered through provider states. Thread-safe.
 *
 * <p>An event goes to the live subscriptions of its bot ({@code marketable_name}) that want its
 * message type. When the trigger names a replayed interaction (subpact's driver sends the
 * {@code X-Subpact-Interaction} header on the WebSocket upgrade and the same id with the trigger),
 * the event goes only to that interaction's subscriptions, and waits for them if the trigger
 * arrived before the {@code subscribe} — so concurrent replays never see each other's events.
 */
public final class NewsStore {

  private final Map<String, Map<String, Object>> bots = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> messages = new ConcurrentHashMap<>();
  private final List<Live> live = new CopyOnWriteArrayList<>();
  private final Map<String, List<NewsEvent>> waiting = new HashMap<>();

  /** A live subscription: the bot it is for, the message types it wants ({@code null}: all). */
  record Live(String marketableName, List<String> emsgTypes, String interaction, EventPublisher publisher) {
    boolean wants(NewsEvent event) {
      return (event.marketableName() == null || marketableName.equals(event.marketableName()))
          && (event.emsgType() == null || emsgTypes == null || emsgTypes.contains(event.emsgType()));
    }
  }

  public void installBot(String marketableName, Map<String, Object> params) {
    bots.put(marketableName, new LinkedHashMap<>(params));
  }

  public void putMessage(Map<String, Object> message) {
    messages.put(String.valueOf(message.get("emsg_id")), new LinkedHashMap<>(message));
  }

  public Map<String, Object> message(String id) {
    return messages.get(id);
  }

  /** Deletes messages; returns how many existed. */
  public int deleteMessages(List<String> ids) {
    int deleted = 0;
    for (String id : ids) {
      if (messages.remove(id) != null) {
        deleted++;
      }
    }
    return deleted;
  }

  /** Pushes an event to the live subscriptions that want it; see the class comment for {@code interaction}. */
  public void publish(NewsEvent event, String interaction) {
    List<Live> targets = new ArrayList<>();
    synchronized (waiting) {
      for (Live l : live) {
        if (l.wants(event) && (interaction == null || interaction.equals(l.interaction()))) {
          targets.add(l);
        }
      }
      if (targets.isEmpty() && interaction != null) {
        waiting.computeIfAbsent(interaction, k -> new ArrayList<>()).add(event);
        return;
      }
    }
    targets.forEach(l -> l.publisher().offer(event.fields()));
  }

  /** Drops the events still waiting for an interaction's subscription (its states are torn down). */
  public void forget(String interaction) {
    synchronized (waiting) {
      waiting.remove(interaction);
    }
  }

  EventPublisher subscribe(String marketableName, List<String> emsgTypes, String interaction) {
    Live[] self = new Live[1];
    EventPublisher publisher = new EventPublisher(() -> live.remove(self[0]));
    self[0] = new Live(marketableName, emsgTypes, interaction, publisher);
    List<NewsEvent> queued;
    synchronized (waiting) {
      live.add(self[0]);
      queued = interaction == null ? null : waiting.remove(interaction);
    }
    if (queued != null) {
      queued.stream().filter(self[0]::wants).forEach(e -> publisher.offer(e.fields()));
    }
    return publisher;
  }
}
