package dev.subpact.graphql.report;

import dev.subpact.graphql.check.Finding;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML as CI servers read it: one {@code <testsuite>} per consumer and version, one
 * {@code <testcase>} per interaction; a broken interaction has one {@code <failure>} whose message
 * is its first error and whose text lists every error with its fix (a pending pact's broken
 * interaction is {@code <skipped>} instead, with the same message and listing: reported, not
 * failing); warnings go to {@code <system-out>}. The schema's lint is a suite of its own.
 *
 * <p>As Jenkins, GitLab and Surefire's own report parser read it: a case's {@code classname} is its
 * suite's name (the consumer and version: readers group cases into classes by it); {@code <testsuites name="subpact
 * verify">} (the command), {@code time} in seconds on every element (a case's own replay time, 0
 * where not measured; a suite's the sum of its cases'; the whole's the run's), {@code timestamp}
 * (the run's start, ISO-8601 local time as the JUnit schema wants) on each suite, {@code file} (the
 * pact or document file) on suites and cases when known.
 */
final class JunitReport {

  private JunitReport() {}

  static String render(Report report, RunInfo run) {
    Map<String, List<InteractionReport>> byConsumer = new LinkedHashMap<>();
    for (InteractionReport result : report.results()) {
      byConsumer.computeIfAbsent(result.consumerLabel(), k -> new ArrayList<>()).add(result);
    }
    long lintErrors = report.schemaFindings().stream().filter(Finding::isError).count();
    Report.Summary summary = report.summary();
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    String timestamp = run.started() == null ? ""
        : " timestamp=\"" + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
            LocalDateTime.ofInstant(run.started(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)) + "\"";
    double total = run.elapsed() != null ? run.elapsed().toNanos() / 1e9 : seconds(report.results());
    out.append("<testsuites name=\"subpact ").append(xml(run.command())).append("\" tests=\"")
        .append(summary.operations() + report.notChecked() + (report.schemaFindings().isEmpty() ? 0 : 1))
        .append("\" failures=\"").append(summary.broken() - summary.pendingBroken() + (lintErrors > 0 ? 1 : 0))
        .append("\" errors=\"0\"")
        .append(summary.pendingBroken() + report.notChecked() > 0
            ? " skipped=\"" + (summary.pendingBroken() + report.notChecked()) + "\"" : "")
        .append(" time=\"").append(time(total)).append('"').append(timestamp)
        .append(">\n");
    byConsumer.forEach((consumer, results) -> {
      long failures = results.stream().filter(InteractionReport::blocks).count();
      long skipped = results.stream().filter(r -> !r.checked() || (!r.ok() && r.pending())).count();
      out.append("  <testsuite name=\"").append(xml(consumer)).append("\" tests=\"").append(results.size())
          .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
          .append("\" time=\"").append(time(seconds(results))).append('"').append(timestamp);
      results.stream().filter(r -> r.source() != null).findFirst()
          .ifPresent(r -> out.append(" file=\"").append(xml(r.source().path())).append('"'));
      out.append(">\n");
      for (InteractionReport r : results) {
        if (!r.checked()) {
          notChecked(out, r);
          continue;
        }
        testCase(out, consumer, r.interaction(), r.source() == null ? null : r.source().path(), r.elapsed(), r.errors(),
            r.warnings(), r.pending());
      }
      out.append("  </testsuite>\n");
    });
    if (!report.schemaFindings().isEmpty()) {
      out.append("  <testsuite name=\"schema lint\" tests=\"1\" failures=\"").append(lintErrors > 0 ? 1 : 0)
          .append("\" errors=\"0\" skipped=\"0\" time=\"0.000\"").append(timestamp).append(">\n");
      testCase(out, "schema", report.schema() == null ? "schema" : report.schema(), report.schema(), null,
          report.schemaFindings().stream().filter(Finding::isError).toList(),
          report.schemaFindings().stream().filter(f -> !f.isError()).toList(), false);
      out.append("  </testsuite>\n");
    }
    return out.append("</testsuites>\n").toString();
  }

  private static void testCase(StringBuilder out, String className, String name, String file, Duration elapsed,
      List<Finding> errors, List<Finding> warnings, boolean pending) {
    out.append("    <testcase classname=\"").append(xml(className)).append("\" name=\"").append(xml(name)).append('"')
        .append(" time=\"").append(time(elapsed == null ? 0 : elapsed.toNanos() / 1e9)).append('"');
    if (file != null) {
      out.append(" file=\"").append(xml(file)).append('"');
    }
    if (errors.isEmpty() && warnings.isEmpty()) {
      out.append("/>\n");
      return;
    }
    out.append(">\n");
    if (!errors.isEmpty() && pending) {
      out.append("      <skipped message=\"").append(xml("pending pact (does not fail the run): " + errors.get(0).message())).append("\">");
      out.append(xml(listing(errors))).append("</skipped>\n");
    } else if (!errors.isEmpty()) {
      out.append("      <failure type=\"").append(errors.get(0).kind()).append("\" message=\"")
          .append(xml(errors.get(0).message())).append("\">");
      out.append(xml(listing(errors))).append("</failure>\n");
    }
    if (!warnings.isEmpty()) {
      out.append("      <system-out>").append(xml(listing(warnings))).append("</system-out>\n");
    }
    out.append("    </testcase>\n");
  }

  /** An interaction that is not GraphQL: a skipped test case, never a failure. */
  private static void notChecked(StringBuilder out, InteractionReport r) {
    out.append("    <testcase classname=\"").append(xml(r.consumerLabel())).append("\" name=\"").append(xml(r.interaction())).append('"')
        .append(" time=\"0.000\"");
    if (r.source() != null) {
      out.append(" file=\"").append(xml(r.source().path())).append('"');
    }
    out.append(">\n      <skipped message=\"not checked (not GraphQL)\"/>\n    </testcase>\n");
  }

  /** The measured time of these verdicts, in seconds (0 for those not measured). */
  private static double seconds(List<InteractionReport> results) {
    return results.stream().filter(r -> r.elapsed() != null).mapToLong(r -> r.elapsed().toNanos()).sum() / 1e9;
  }

  /** Seconds as JUnit readers parse them: a plain decimal with a dot, whatever the locale. */
  private static String time(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }

  private static String listing(List<Finding> findings) {
    StringBuilder text = new StringBuilder();
    for (Finding f : findings) {
      text.append(f.kind());
      if (f.coordinate() != null) {
        text.append(' ').append(f.coordinate());
      }
      if (!f.locations().isEmpty()) {
        text.append(" at ").append(f.locations().get(0).line()).append(':').append(f.locations().get(0).column());
      }
      text.append(": ").append(f.message()).append('\n');
      if (f.fix() != null) {
        text.append("  fix: ").append(f.fix().replace("\n", "\n  ")).append('\n');
      }
    }
    return text.toString();
  }

  private static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            out.append("&#").append((int) c).append(';');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
