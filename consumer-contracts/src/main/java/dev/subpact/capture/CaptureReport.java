package dev.subpact.capture;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.pact.Transport;
import java.nio.file.Path;
import java.util.List;

/** The words a capture prints: a break as it arrives, and the summary at the end. */
public final class CaptureReport {

  /** How the report names the settings that decide how long a capture listens. */
  public static final String HOW_LONG = "the capture's idle time and duration";

  private CaptureReport() {}

  /**
   * A break (or warning) reported while the bot is still connected, in {@code subpact check}'s wording, e.g.
   * <pre>
   * chat-bot 1.2.3 sent MessageAdded (subscription, WebSocket graphql-ws), which schema renamed.graphql rejects:
   *   error: Unknown argument 'want_message_types' on field 'Subscription.thread_events'. Did you mean 'want_msg_types'?
   * </pre>
   */
  public static String breakReport(CaptureSettings settings, CapturedOperation operation, List<Finding> findings) {
    StringBuilder out = new StringBuilder();
    out.append(settings.consumer()).append(' ').append(settings.consumerVersion()).append(" sent ")
        .append(operation.operation().label()).append(" (").append(operation.operation().type().keyword()).append(", ")
        .append(transport(operation.transport(), operation.chosenSubprotocol())).append("), which schema ")
        .append(settings.schema() == null ? "?" : Path.of(settings.schema().origin()).getFileName())
        .append(findings.stream().anyMatch(Finding::isError) ? " rejects:\n" : " warns about:\n");
    for (Finding finding : findings) {
      out.append("  ").append(finding.severity().name().toLowerCase(java.util.Locale.ROOT)).append(": ")
          .append(finding.message()).append('\n');
      if (finding.fix() != null) {
        out.append("    fix: ").append(finding.fix().replace("\n", "\n         ")).append('\n');
      }
    }
    return out.toString();
  }

  /** The end-of-capture summary: each distinct operation, how it travelled, and the file written. */
  public static String summary(Recording recording, Path written) {
    StringBuilder out = new StringBuilder();
    List<RecordedInteraction> interactions = recording.interactions();
    out.append("Recorded ").append(recording.operationsReceived()).append(" operation(s), ")
        .append(interactions.size()).append(" distinct:\n");
    for (RecordedInteraction interaction : interactions) {
      out.append("  ").append(interaction.description()).append(" x").append(interaction.count()).append(": ");
      if (interaction.transport() instanceof Transport.WebSocket ws) {
        out.append("WebSocket ").append(ws.path()).append(", offered ").append(String.join(", ", ws.subprotocols()))
            .append("; chose ").append(String.join(", ", interaction.chosenSubprotocols()))
            .append("; connection_init payload keys: ")
            .append(interaction.initPayloadKeys().isEmpty() ? "(none)" : String.join(", ", interaction.initPayloadKeys()));
      } else {
        out.append("HTTP POST ").append(interaction.transport().path());
      }
      out.append(interaction.broken() ? " — BREAKS against the schema" : "").append('\n');
    }
    for (String problem : recording.problems()) {
      out.append("  problem: ").append(problem).append('\n');
    }
    traffic(recording.traffic(), out);
    out.append("Wrote ").append(written).append('\n');
    return out.toString();
  }

  /**
   * Why a capture that recorded no operation wrote no pact, what it saw and what to do, e.g.
   * <pre>
   * subpact capture recorded no GraphQL operation, so it wrote no pact: ...
   * It saw: 0 GraphQL WebSocket connection(s), 0 frame(s), 0 GraphQL POST(s), 2 request(s) that are not GraphQL:
   *   GET /health x2
   * What to do: ...
   * </pre>
   */
  public static String nothingRecorded(Recording recording) {
    Traffic traffic = recording.traffic();
    StringBuilder out = new StringBuilder();
    out.append("subpact capture recorded no GraphQL operation, so it wrote no pact: an empty contract would let ")
        .append("the backend \"verify\" nothing and publish that as a pass.\n");
    traffic(traffic, out);
    for (String problem : recording.problems()) {
      out.append("  problem: ").append(problem).append('\n');
    }
    out.append("What to do: ");
    if (total(traffic.connections()) > 0) {
      out.append("the bot connected but sent no subscribe/start before the capture stopped; check that it is not ")
          .append("waiting for something else (its logs), and let it run longer (" + HOW_LONG + ").\n");
    } else if (!traffic.notGraphql().isEmpty()) {
      out.append("the bot reached the capture but sent no GraphQL; the capture records GraphQL on any path: a WebSocket ")
          .append("upgrade offering graphql-transport-ws or graphql-ws, or a POST with a JSON body {\"query\": ...}. ")
          .append("Point the bot's GraphQL URL at the capture.\n");
    } else {
      out.append("nothing reached the capture; point the bot at the URL it printed when it started (any path; ")
          .append("ci/bot-publish.sh exports SUBPACT_BACKEND_HTTP_URL and SUBPACT_BACKEND_WS_URL) and check the bot ")
          .append("ran before the capture stopped.\n");
    }
    return out.toString();
  }

  /** Whether nothing usable was recorded: no pact may be written. */
  public static boolean empty(Recording recording) {
    return recording.operationsReceived() == 0;
  }

  private static void traffic(Traffic traffic, StringBuilder out) {
    out.append("It saw: ").append(total(traffic.connections())).append(" GraphQL WebSocket connection(s)")
        .append(counts(traffic.connections())).append(", ").append(traffic.frames()).append(" frame(s) on them, ")
        .append(total(traffic.graphqlPosts())).append(" GraphQL POST(s)").append(counts(traffic.graphqlPosts()))
        .append(", ").append(total(traffic.notGraphql())).append(" request(s) that are not GraphQL")
        .append(traffic.notGraphql().isEmpty() ? "" : ":").append('\n');
    traffic.notGraphql().forEach((request, count) -> out.append("  ").append(request).append(" x").append(count).append('\n'));
  }

  private static long total(java.util.Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** {@code " (on /graphql (graphql-ws) x2, /api/graphql (graphql-transport-ws) x1)"}, or nothing when empty. */
  private static String counts(java.util.Map<String, Long> counts) {
    return counts.isEmpty() ? "" : counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
        .collect(java.util.stream.Collectors.joining(", ", " (on ", ")"));
  }

  /** Whether the capture must fail: a break against the schema, or a document that is not GraphQL. */
  public static boolean failed(Recording recording) {
    return !recording.problems().isEmpty() || recording.interactions().stream().anyMatch(RecordedInteraction::broken);
  }

  private static String transport(Transport transport, String chosen) {
    return transport instanceof Transport.WebSocket ? "WebSocket " + chosen : "HTTP POST";
  }
}
