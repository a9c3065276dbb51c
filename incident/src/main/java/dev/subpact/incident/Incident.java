package dev.subpact.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.pact.ExpectedMessage;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.ProviderState;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.graphql.pact.TypeRules;
import dev.subpact.graphql.websocket.Subprotocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outage of 2026-01-30 as data: the ten bots and the versions that crashed, and their contracts
 * with the backend, built from the client kit's real operations (wire text) with each bot's
 * variables.
 */
public final class Incident {

  /** The backend's Pact provider name. */
  public static final String PROVIDER = "flexus-backend";

  /** The backend's GraphQL path, WebSocket and HTTP alike. */
  public static final String PATH = "/v1/graphql";

  /** The subprotocols the bots offer, in their order (Python {@code gql}'s default). */
  public static final List<String> BOT_SUBPROTOCOLS =
      List.of(Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS.wireName(), Subprotocol.GRAPHQL_TRANSPORT_WS.wireName());

  /** The staging backend build that shipped the rename. */
  public static final String RENAMED_BUILD = "staging.2026-01-30T17-43-47Z";

  /** Provider state: the bot is installed and may subscribe. */
  public static final String STATE_BOT_INSTALLED = "the bot is installed";

  /** Provider state: an external message for the bot arrives once its subscription is live. */
  public static final String STATE_EXTERNAL_MESSAGE = "an external message arrives for the bot";

  /** Provider state: the external messages the bot handled exist and may be deleted. */
  public static final String STATE_MESSAGES_EXIST = "external messages exist";

  /** The bots of the incident report, in its order, with the image versions that crashed. */
  public static final List<IncidentBot> BOTS =
      List.of(
          new IncidentBot("admonster", "20045", 1004005, List.of("ad_campaigns", "ad_reports"), List.of("crm_contact", "ad_campaign"), List.of("EMAIL"), "fgroup_ads", false),
          new IncidentBot("boss", "20045", 1003001, List.of("boss_delegate", "kanban"), List.of(), List.of("TELEGRAM"), "fgroup_hq", false),
          new IncidentBot("bob", "30004", 1001007, List.of("bob_shell"), List.of(), List.of(), null, false),
          new IncidentBot("frog", "20045", 1002003, List.of("frog_tool"), List.of("crm_contact"), List.of("TELEGRAM"), "fgroup_example1", true),
          new IncidentBot("karen", "20045", 1005002, List.of("karen_support", "kanban"), List.of("crm_contact", "crm_ticket"), List.of("TELEGRAM", "EMAIL"), "fgroup_support", true),
          new IncidentBot("lawyerrat", "20045", 1000009, List.of("contract_review"), List.of("crm_contact"), List.of("EMAIL"), "fgroup_legal", false),
          new IncidentBot("owl-strategist", "20045", 1001000, List.of("strategy_board"), List.of(), List.of(), "fgroup_hq", false),
          new IncidentBot("slonik", "20045", 1002010, List.of("sql_console"), List.of("db_connection"), List.of("TELEGRAM"), null, false),
          new IncidentBot("rick", "20021", 1000004, List.of("rick_search"), List.of(), List.of("SLACK"), "fgroup_research", false),
          new IncidentBot("adspy", "80015", 1003003, List.of("adspy_scan"), List.of("ad_campaign"), List.of("EMAIL"), "fgroup_ads", true));

  private static final ObjectMapper JSON = new ObjectMapper();

  private Incident() {}

  /** The client kit a bot image was built from. */
  public enum ClientKit {
    /** Before the rename: {@code want_emessage_types}, {@code emessage_*}. */
    BEFORE_RENAME("emessage", ClientKitOperation.KAREN_THREADS_BEFORE_RENAME, ClientKitOperation.DELETE_EMESSAGES_BEFORE_RENAME),
    /** After the client kit's "emsg rename" commit: {@code want_emsg_types}, {@code emsg_*}. */
    AFTER_RENAME("emsg", ClientKitOperation.KAREN_THREADS_AFTER_RENAME, ClientKitOperation.DELETE_EMESSAGES_AFTER_RENAME);

    private final String prefix;
    private final ClientKitOperation subscription;
    private final ClientKitOperation mutation;

    ClientKit(String prefix, ClientKitOperation subscription, ClientKitOperation mutation) {
      this.prefix = prefix;
      this.subscription = subscription;
      this.mutation = mutation;
    }

    public ClientKitOperation subscription() {
      return subscription;
    }

    public ClientKitOperation mutation() {
      return mutation;
    }
  }

  /** The bot of that name. */
  public static IncidentBot bot(String name) {
    return BOTS.stream()
        .filter(b -> b.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No bot named " + name + " in the incident"));
  }

  /** The {@code KarenThreads} variables the client kit sends for {@code bot}. */
  public static Map<String, Object> subscriptionVariables(IncidentBot bot, ClientKit kit) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("marketable_name", bot.name());
    variables.put("marketable_version", bot.marketableVersion());
    variables.put("inprocess_tool_names", bot.toolNames());
    variables.put("want_erp_tables", bot.erpTables());
    variables.put("want_" + kit.prefix + "_types", bot.emessageTypes());
    variables.put("ws_id_prefix", null);
    variables.put("group_id", bot.groupId());
    return variables;
  }

  /** The {@code DeleteEmessages} variables: the id of the message the bot handled. */
  public static Map<String, Object> mutationVariables(IncidentBot bot) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("ids", List.of(messageId(bot)));
    return variables;
  }

  /** The contract {@code bot} holds with the backend when built from {@code kit}. */
  public static GraphqlPact contract(IncidentBot bot, ClientKit kit, String consumerVersion) {
    List<GraphqlInteraction> interactions = new ArrayList<>();
    List<ProviderState> subscriptionStates = new ArrayList<>();
    Map<String, Object> installed = new LinkedHashMap<>();
    installed.put("marketable_name", bot.name());
    installed.put("marketable_version", bot.marketableVersion());
    subscriptionStates.add(new ProviderState(STATE_BOT_INSTALLED, installed));
    List<ExpectedMessage> expected = List.of();
    if (bot.expectsMessage()) {
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("marketable_name", bot.name());
      message.put("emsg_id", messageId(bot));
      message.put("emsg_type", bot.emessageTypes().get(0));
      subscriptionStates.add(new ProviderState(STATE_EXTERNAL_MESSAGE, message));
      expected = List.of(externalMessageEvent(bot, kit));
    }
    interactions.add(
        new GraphqlInteraction(
            "KarenThreads subscription",
            subscriptionStates,
            kit.subscription().operation(subscriptionVariables(bot, kit)),
            new Transport.WebSocket(PATH, BOT_SUBPROTOCOLS),
            expected));
    Map<String, Object> ids = new LinkedHashMap<>();
    ids.put("ids", List.of(messageId(bot)));
    ObjectNode deleted = JSON.createObjectNode();
    deleted.putObject("data").put("emessages_delete", true);
    interactions.add(
        new GraphqlInteraction(
            "DeleteEmessages mutation",
            List.of(new ProviderState(STATE_MESSAGES_EXIST, ids)),
            kit.mutation().operation(mutationVariables(bot)),
            new Transport.Http(PATH),
            List.of(new ExpectedMessage(deleted, typeRules("$.data.emessages_delete")))));
    return new GraphqlPact(bot.name(), PROVIDER, consumerVersion, interactions);
  }

  /** The ten contracts the crashed images carried: pre-rename client kit, the incident's versions. */
  public static List<GraphqlPact> crashedContracts() {
    return BOTS.stream().map(b -> contract(b, ClientKit.BEFORE_RENAME, b.version())).toList();
  }

  private static String messageId(IncidentBot bot) {
    return "emsg_" + bot.name().replace('-', '_') + "_1";
  }

  /** What the client kit's bot loop reads to dispatch an external message ({@code news_about}). */
  public static final String NEWS_ABOUT_EXTERNAL_MESSAGE = "flexus_persona_external_message";

  /** The {@code news_action} the client kit handles for an external message. */
  public static final String NEWS_ACTION_EXTERNAL_MESSAGE = "EMESSAGE";

  /**
   * The event the bot waits for: an external message pushed on its subscription, with the
   * {@code news_about}/{@code news_action} values the client kit dispatches on (issue 11, item 14).
   */
  private static ExpectedMessage externalMessageEvent(IncidentBot bot, ClientKit kit) {
    String p = kit.prefix;
    ObjectNode content = JSON.createObjectNode();
    ObjectNode news = content.putObject("data").putObject("bot_threads_calls_tasks");
    news.put("news_action", NEWS_ACTION_EXTERNAL_MESSAGE);
    news.put("news_about", NEWS_ABOUT_EXTERNAL_MESSAGE);
    news.put("news_payload_id", messageId(bot));
    for (String empty :
        List.of("news_payload_thread_message", "news_payload_thread", "news_payload_persona",
            "news_payload_toolcall", "news_payload_task", "news_payload_erp_record_new", "news_payload_erp_record_old")) {
      news.putNull(empty);
    }
    ObjectNode emsg = news.putObject("news_payload_emessage");
    emsg.put(p + "_id", messageId(bot));
    emsg.put(p + "_persona_id", "persona_" + bot.name().replace('-', '_'));
    emsg.put(p + "_type", bot.emessageTypes().get(0));
    emsg.put(p + "_from", "customer@example.com");
    emsg.put(p + "_to", bot.name() + "@bots.example.com");
    emsg.put(p + "_external_id", "ext-" + bot.marketableVersion());
    emsg.putObject(p + "_payload").put("text", "Hello " + bot.name() + ", can you help?");
    emsg.put(p + "_created_ts", 1769795283.25);
    emsg.put("ws_id", "ws_example");
    List<String> typed = new ArrayList<>();
    typed.add("$.data.bot_threads_calls_tasks.news_payload_id");
    emsg.fieldNames().forEachRemaining(f -> typed.add("$.data.bot_threads_calls_tasks.news_payload_emessage." + f));
    return new ExpectedMessage(content, typeRules(typed.toArray(String[]::new)));
  }

  private static ObjectNode typeRules(String... paths) {
    ObjectNode rules = JSON.createObjectNode();
    ObjectNode body = rules.putObject("body");
    for (String path : paths) {
      body.set(path, TypeRules.rule());
    }
    return rules;
  }
}
