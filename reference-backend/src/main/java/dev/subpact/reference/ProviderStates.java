package dev.subpact.reference;

import dev.subpact.graphql.pact.ProviderState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider states the reference backend knows, named as the incident's bot contracts name them:
 *
 * <ul>
 *   <li>{@value #BOT_INSTALLED} ({@code marketable_name}, {@code marketable_version}): the bot may subscribe;
 *   <li>{@value #EXTERNAL_MESSAGE} ({@code marketable_name}, {@code emsg_id}, {@code emsg_type}, any
 *       other {@code emsg_*}): setup stores the message, {@code trigger} pushes it as an
 *       {@code EMESSAGE flexus_persona_external_message} event to the bot's live subscriptions;
 *   <li>{@value #THREAD_UPDATED} ({@code marketable_name}, {@code ft_id}, any other {@code ft_*}):
 *       {@code trigger} pushes an {@code UPDATE flexus_thread} event;
 *   <li>{@value #MESSAGES_EXIST} ({@code ids}): the messages exist and may be deleted;
 *   <li>{@value #SUBSCRIPTION_EVENT} ({@code operationName}, {@code field}), the state a captured
 *       subscription expects: {@code trigger} pushes a representative event (a thread update with
 *       every field of the event type filled, nullable ones too: a captured contract expects them all).
 * </ul>
 */
final class ProviderStates {

  static final String BOT_INSTALLED = "the bot is installed";
  static final String EXTERNAL_MESSAGE = "an external message arrives for the bot";
  static final String THREAD_UPDATED = "a thread of the bot is updated";
  static final String MESSAGES_EXIST = "external messages exist";
  static final String SUBSCRIPTION_EVENT = ProviderState.SUBSCRIPTION_EVENT;
  static final List<String> KNOWN = List.of(BOT_INSTALLED, EXTERNAL_MESSAGE, THREAD_UPDATED, MESSAGES_EXIST, SUBSCRIPTION_EVENT);

  private final NewsStore store;
  private final graphql.schema.GraphQLObjectType eventType;

  /** {@code eventType}: the type of the subscription's events, which the generic event state fills completely. */
  ProviderStates(NewsStore store, graphql.schema.GraphQLObjectType eventType) {
    this.store = store;
    this.eventType = eventType;
  }

  /** Applies one state change; returns a problem to report (HTTP 400), or {@code null}. */
  String change(String state, Map<String, Object> params, String action, String interaction) {
    if (!List.of("setup", "teardown", "trigger").contains(action)) {
      return "Unknown action '" + action + "': use setup, teardown or trigger.";
    }
    String bot = String.valueOf(params.getOrDefault("marketable_name", "bot"));
    switch (state) {
      case BOT_INSTALLED -> {
        if (action.equals("setup")) {
          store.installBot(bot, params);
        }
      }
      case EXTERNAL_MESSAGE -> {
        Map<String, Object> message = externalMessage(bot, params);
        if (action.equals("setup")) {
          store.putMessage(message);
        } else if (action.equals("trigger")) {
          store.publish(NewsEvent.externalMessage(bot, message), interaction);
        } else if (interaction != null) {
          store.forget(interaction);
        }
      }
      case SUBSCRIPTION_EVENT -> {
        // Addressed to no bot in particular: it reaches the subscription of the interaction that asked.
        if (action.equals("trigger")) {
          NewsEvent update = NewsEvent.threadUpdate(null, thread(bot, params));
          store.publish(new NewsEvent(null, null, CompleteEvent.of(update.fields(), eventType)), interaction);
        } else if (action.equals("teardown") && interaction != null) {
          store.forget(interaction);
        }
      }
      case THREAD_UPDATED -> {
        if (action.equals("trigger")) {
          store.publish(NewsEvent.threadUpdate(bot, thread(bot, params)), interaction);
        } else if (action.equals("teardown") && interaction != null) {
          store.forget(interaction);
        }
      }
      case MESSAGES_EXIST -> {
        if (action.equals("setup") && params.get("ids") instanceof List<?> ids) {
          for (Object id : ids) {
            Map<String, Object> message = new LinkedHashMap<>(params);
            message.put("emsg_id", String.valueOf(id));
            store.putMessage(externalMessage(bot, message));
          }
        }
      }
      default -> {
        return "The reference backend knows no provider state '" + state + "'; it knows: " + String.join("; ", KNOWN) + ".";
      }
    }
    return null;
  }

  private static Map<String, Object> externalMessage(String bot, Map<String, Object> params) {
    String name = bot.replace('-', '_');
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("emsg_id", "emsg_" + name + "_1");
    message.put("emsg_persona_id", "persona_" + name);
    message.put("emsg_type", "TELEGRAM");
    message.put("emsg_from", "customer@example.com");
    message.put("emsg_to", bot + "@bots.example.com");
    message.put("emsg_external_id", "ext-" + bot);
    message.put("emsg_payload", Map.of("text", "Hello " + bot + ", can you help?"));
    message.put("emsg_created_ts", 1769795283.25);
    message.put("ws_id", "ws_example");
    params.forEach((k, v) -> {
      if (k.startsWith("emsg_") || k.equals("ws_id")) {
        message.put(k, v);
      }
    });
    return message;
  }

  private static Map<String, Object> thread(String bot, Map<String, Object> params) {
    Map<String, Object> thread = new LinkedHashMap<>();
    thread.put("owner_fuser_id", "fuser_example");
    thread.put("ft_id", "ft_" + bot.replace('-', '_') + "_1");
    thread.put("ft_fexp_id", "fexp_" + bot);
    thread.put("ft_title", "A thread of " + bot);
    thread.put("ft_btest_name", "");
    thread.put("ft_toolset", List.of());
    thread.put("ft_error", null);
    thread.put("ft_need_assistant", 1);
    thread.put("ft_need_tool_calls", 0);
    thread.put("ft_need_user", 0);
    thread.put("ft_app_capture", "");
    thread.put("ft_app_searchable", "");
    thread.put("ft_app_specific", null);
    thread.put("ft_persona_id", "persona_" + bot.replace('-', '_'));
    thread.put("ft_created_ts", 1769795283.25);
    thread.put("ft_updated_ts", 1769795283.25);
    thread.put("ft_budget", 0);
    thread.put("ft_coins", 0);
    List<String> keys = new ArrayList<>(params.keySet());
    keys.stream().filter(k -> k.startsWith("ft_")).forEach(k -> thread.put(k, params.get(k)));
    return thread;
  }
}
