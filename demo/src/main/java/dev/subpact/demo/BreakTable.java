package dev.subpact.demo;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The backend pipeline's verdict as a person reads it: one row per bot (version, live outcome, what
 * breaks per operation), then each distinct break once with its fix.
 */
final class BreakTable {

  private BreakTable() {}

  static String render(Report statics, Report live) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("  %-15s %-8s %-18s %s%n", "bot", "version", "live replay", "what breaks (static check)"));
    Map<String, List<InteractionReport>> byBot = new LinkedHashMap<>();
    statics.results().forEach(r -> byBot.computeIfAbsent(r.consumer() + "\u0000" + r.consumerVersion(), k -> new java.util.ArrayList<>()).add(r));
    Map<String, Finding> distinct = new LinkedHashMap<>();
    for (Map.Entry<String, List<InteractionReport>> bot : byBot.entrySet()) {
      String[] key = bot.getKey().split("\u0000");
      String breaks = bot.getValue().stream()
          .filter(r -> !r.ok())
          .map(r -> r.operationName() + ": " + counts(r.errors()))
          .collect(Collectors.joining("; "));
      bot.getValue().forEach(r -> r.errors().forEach(f -> distinct.putIfAbsent(f.message(), f)));
      out.append(String.format("  %-15s %-8s %-18s %s%n", key[0], key[1], outcomes(live, key[0], key[1]), breaks.isEmpty() ? "nothing" : breaks));
    }
    if (!distinct.isEmpty()) {
      out.append(String.format("%n  The %d distinct breaks, each with its fix:%n", distinct.size()));
      for (Finding finding : distinct.values()) {
        out.append("  - ").append(finding.message()).append('\n');
        if (finding.fix() != null) {
          finding.fix().lines().forEach(l -> out.append("      ").append(l).append('\n'));
        }
      }
    }
    return out.toString();
  }

  private static String counts(List<Finding> errors) {
    Map<FindingKind, Integer> byKind = new TreeMap<>();
    errors.forEach(f -> byKind.merge(f.kind(), 1, Integer::sum));
    return byKind.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .collect(Collectors.joining(", "));
  }

  private static String outcomes(Report live, String consumer, String version) {
    return live.results().stream()
        .filter(r -> r.consumer().equals(consumer) && String.valueOf(r.consumerVersion()).equals(version))
        .map(r -> r.outcome() == null ? "?" : r.outcome())
        .distinct()
        .collect(Collectors.joining("/"));
  }
}
