package dev.subpact.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event of the {@code bot_threads_calls_tasks} subscription: what the backend pushes to bots.
 *
 * @param marketableName the bot it is for
 * @param emsgType the external message type, or {@code null} when the event is not a message
 * @param fields the {@code FBotThreadsCallsTasks} object, keyed by field name (payloads with
 *     {@code emsg_*} keys; the {@code emessage_*} aliases resolve to them)
 */
public record NewsEvent(String marketableName, String emsgType, Map<String, Object> fields) {

  private static final List<String> PAYLOADS =
      List.of("news_payload_thread_message", "news_payload_thread", "news_payload_persona", "news_payload_toolcall",
          "news_payload_task", "news_payload_erp_record_new", "news_payload_erp_record_old", "news_payload_emessage");

  public NewsEvent {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * An external message arriving for a bot: {@code news_action} {@code EMESSAGE} about
   * {@code flexus_persona_external_message}, the values the client kit's bot loop dispatches on.
   */
  public static NewsEvent externalMessage(String marketableName, Map<String, Object> message) {
    return news(marketableName, (String) message.get("emsg_type"), "EMESSAGE", "flexus_persona_external_message",
        String.valueOf(message.get("emsg_id")), "news_payload_emessage", message);
  }

  /** A thread of a bot changed: {@code UPDATE flexus_thread}; {@code marketableName} {@code null} addresses no bot in particular. */
  public static NewsEvent threadUpdate(String marketableName, Map<String, Object> thread) {
    return news(marketableName, null, "UPDATE", "flexus_thread", String.valueOf(thread.get("ft_id")),
        "news_payload_thread", thread);
  }

  private static NewsEvent news(String marketableName, String emsgType, String action, String about, String id,
      String payloadField, Map<String, Object> payload) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("news_action", action);
    fields.put("news_about", about);
    fields.put("news_payload_id", id);
    for (String p : PAYLOADS) {
      fields.put(p, p.equals(payloadField) ? payload : null);
    }
    return new NewsEvent(marketableName, emsgType, fields);
  }
}
