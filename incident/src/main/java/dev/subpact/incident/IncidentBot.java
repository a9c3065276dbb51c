package dev.subpact.incident;

import java.util.List;

/**
 * A bot of the incident: its name, the image version that crashed, and what its configuration
 * subscribes to (the values the client kit puts in the {@code KarenThreads} variables).
 *
 * @param name the bot (Pact consumer) name
 * @param version the image tag the incident names (Pact consumer version)
 * @param marketableVersion the bot's {@code marketable_version}
 * @param toolNames its in-process tools
 * @param erpTables the ERP tables it subscribes to
 * @param emessageTypes the external-message types it subscribes to
 * @param groupId the group it runs in, or {@code null}
 * @param expectsMessage whether its contract expects a pushed external message (otherwise: accepted without error)
 */
public record IncidentBot(
    String name,
    String version,
    int marketableVersion,
    List<String> toolNames,
    List<String> erpTables,
    List<String> emessageTypes,
    String groupId,
    boolean expectsMessage) {

  public IncidentBot {
    toolNames = List.copyOf(toolNames);
    erpTables = List.copyOf(erpTables);
    emessageTypes = List.copyOf(emessageTypes);
  }
}
