package dev.subpact.capture;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.pact.Transport;
import java.nio.file.Path;
import java.util.List;

/** The words a capture prints: a break as it arrives, and the summary at the end. */
public final class CaptureReport {

  private CaptureReport() {}

  /**
   * A break (or warning) reported while the bot is still connected, in {@code subpact check}'s wording, e.g.
   * <pre>
   * karen 1.2.3 sent KarenThreads (subscription, WebSocket graphql-ws), which schema renamed.graphql rejects:
   *   error: Unknown argument 'want_emessage_types' on field 'Subscription.bot_threads_calls_tasks'. Did you mean 'want_emsg_types'?
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
        out.append("WebSocket, offered ").append(String.join(", ", ws.subprotocols()))
            .append("; chose ").append(String.join(", ", interaction.chosenSubprotocols()))
            .append("; connection_init payload keys: ")
            .append(interaction.initPayloadKeys().isEmpty() ? "(none)" : String.join(", ", interaction.initPayloadKeys()));
      } else {
        out.append("HTTP POST");
      }
      out.append(interaction.broken() ? " — BREAKS against the schema" : "").append('\n');
    }
    for (String problem : recording.problems()) {
      out.append("  problem: ").append(problem).append('\n');
    }
    out.append("Wrote ").append(written).append('\n');
    return out.toString();
  }

  /** Whether the capture must fail: a break against the schema, or a document that is not GraphQL. */
  public static boolean failed(Recording recording) {
    return !recording.problems().isEmpty() || recording.interactions().stream().anyMatch(RecordedInteraction::broken);
  }

  private static String transport(Transport transport, String chosen) {
    return transport instanceof Transport.WebSocket ? "WebSocket " + chosen : "HTTP POST";
  }
}
