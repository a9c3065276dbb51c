package dev.subpact.graphql.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Markdown a GitHub Actions job shows on its summary page ({@code $GITHUB_STEP_SUMMARY}): the
 * verdict, then a table of the bots (consumer and version) against what breaks for each, bots that
 * break the same way in one row, and each distinct break once (identical ones grouped, as in the
 * text report).
 */
public final class JobSummary {

  private JobSummary() {}

  public static String render(Report report, RunInfo run) {
    Report.Summary s = report.summary();
    StringBuilder md = new StringBuilder();
    md.append("### subpact ").append(run.command()).append(": ").append(report.ok() ? "✅ passed" : "❌ failed").append("\n\n");
    md.append(s.operations()).append(" operations, ").append(s.broken()).append(" broken")
        .append(s.pendingBroken() > 0 ? " (" + s.pendingBroken() + " pending)" : "").append(", ")
        .append(s.errors()).append(" errors, ").append(s.warnings()).append(" warnings\n\n");
    Map<String, List<String>> botsByBreaks = new LinkedHashMap<>();
    Map<String, List<InteractionReport>> byBot = new LinkedHashMap<>();
    report.results().forEach(r -> byBot.computeIfAbsent(r.consumerLabel(), k -> new ArrayList<>()).add(r));
    Map<String, FindingGroup> distinct = new LinkedHashMap<>();
    byBot.forEach((bot, results) -> {
      String breaks = results.stream().filter(r -> !r.ok())
          .map(r -> r.interaction() + (r.pending() ? " (pending)" : "") + ": " + kinds(r))
          .collect(Collectors.joining("<br>"));
      results.forEach(r -> FindingGroup.of(r.errors()).forEach(g -> distinct.putIfAbsent(g.fix() != null ? g.fix() : g.title(), g)));
      botsByBreaks.computeIfAbsent(breaks.isEmpty() ? "—" : breaks, k -> new ArrayList<>()).add(bot);
    });
    md.append("| bots | what breaks |\n| --- | --- |\n");
    botsByBreaks.forEach((breaks, bots) -> md.append("| ").append(cell(String.join(", ", bots))).append(" | ").append(cell(breaks).replace("&lt;br&gt;", "<br>"))
        .append(" |\n"));
    if (!distinct.isEmpty()) {
      md.append("\n**").append(distinct.size()).append(distinct.size() == 1 ? " distinct break" : " distinct breaks")
          .append("** (the text report gives each fix):\n\n");
      distinct.values().forEach(g -> md.append("- ").append(cell(g.title())).append('\n'));
    }
    return md.append('\n').toString();
  }

  private static String kinds(InteractionReport r) {
    Map<String, Integer> byKind = new TreeMap<>();
    r.errors().forEach(f -> byKind.merge(f.kind().name(), 1, Integer::sum));
    return byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
  }

  /** Text safe inside a Markdown table cell. */
  private static String cell(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace("\n", " ");
  }
}
