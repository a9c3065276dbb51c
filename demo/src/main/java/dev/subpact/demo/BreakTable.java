package dev.subpact.demo;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.report.FindingGroup;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.report.Verbosity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The backend pipeline's verdict as a person reads it: what breaks per bot (bots that break the same
 * way told together; one row per bot with {@link Verbosity#VERBOSE}), then each distinct break once
 * with its fix, identical fixes grouped ({@link FindingGroup}).
 */
final class BreakTable {

  private BreakTable() {}

  static String render(Report statics, Report live, Verbosity verbosity) {
    StringBuilder out = new StringBuilder();
    Map<String, List<InteractionReport>> byBot = new LinkedHashMap<>();
    statics.results().forEach(r -> byBot.computeIfAbsent(r.consumer() + "\u0000" + r.consumerVersion(), k -> new ArrayList<>()).add(r));
    Map<String, FindingGroup> distinct = new LinkedHashMap<>();
    Map<String, List<String>> botsByBreaks = new LinkedHashMap<>();
    if (verbosity == Verbosity.VERBOSE) {
      out.append(String.format("  %-15s %-8s %-18s %s%n", "bot", "version", "live replay", "what breaks (static check)"));
    }
    for (Map.Entry<String, List<InteractionReport>> bot : byBot.entrySet()) {
      String[] key = bot.getKey().split("\u0000");
      String breaks = bot.getValue().stream()
          .filter(r -> !r.ok())
          .map(r -> r.operationName() + ": " + counts(r.errors()))
          .collect(Collectors.joining("; "));
      bot.getValue().forEach(r -> FindingGroup.of(r.errors()).forEach(g -> distinct.putIfAbsent(g.fix() != null ? g.fix() : g.title(), g)));
      String outcomes = outcomes(live, key[0], key[1]);
      if (verbosity == Verbosity.VERBOSE) {
        out.append(String.format("  %-15s %-8s %-18s %s%n", key[0], key[1], outcomes, breaks.isEmpty() ? "nothing" : breaks));
      } else {
        botsByBreaks.computeIfAbsent("live replay " + outcomes + "; " + (breaks.isEmpty() ? "nothing breaks" : breaks), k -> new ArrayList<>())
            .add(key[0] + " " + key[1]);
      }
    }
    botsByBreaks.forEach((breaks, bots) -> {
      out.append("  ").append(String.join(", ", bots)).append(bots.size() > 1 ? " (" + bots.size() + " bots)" : "").append(":\n");
      for (String part : breaks.split("; ")) {
        out.append("    ").append(part).append('\n');
      }
    });
    if (!distinct.isEmpty()) {
      int count = distinct.values().stream().mapToInt(g -> g.findings().size()).sum();
      boolean fixes = verbosity == Verbosity.VERBOSE;
      out.append(String.format("%n  %d distinct breaks, %d fixes%s:%n", count, distinct.size(),
          fixes ? " (identical fixes told once)" : " (--verbose shows each fix)"));
      for (FindingGroup group : distinct.values()) {
        out.append("  - ").append(group.title()).append('\n');
        if (fixes && group.fix() != null) {
          group.fix().lines().forEach(l -> out.append("      ").append(l).append('\n'));
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
