package dev.subpact.graphql.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.check.Location;
import dev.subpact.graphql.check.Severity;
import dev.subpact.graphql.operation.SchemaCoordinate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine report, one JSON object (fields in a fixed order), streamed; read back by
 * {@link #read} (for {@code report merge}):
 * <pre>
 * {"ok", "schema", "summary": {"operations", "broken", "errors", "warnings", "pendingBroken"?, "notChecked"?},
 *  "results": [{"consumer", "consumerVersion", "interaction", "operationName", "source": {"file", "line"},
 *               "ok", "pending"?, "outcome"?, "errors": [finding…], "warnings": [finding…]}],
 *  "schemaFindings": [finding…]}
 * finding = {"kind", "severity", "message", "coordinate", "suggestion", "locations": [{"line", "column"}],
 *            "fix", "path"?}
 * </pre>
 */
final class JsonReport {

  private static final JsonFactory JSON = new JsonFactory();

  /** Where findings sit: inside a result's {@code errors}/{@code warnings}, or in {@code schemaFindings}. */
  private static final String RESULT_FINDING_INDENT = "        ";
  private static final String SCHEMA_FINDING_INDENT = "    ";

  /**
   * Findings rendered once each (by identity: many interactions share the same cached findings,
   * so a report of a thousand bots renders ten findings, not ten thousand).
   */
  private final Map<Finding, String> rendered = new IdentityHashMap<>();

  private JsonReport() {}

  static void write(Report report, Writer out) throws IOException {
    try (JsonGenerator json = generator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      new JsonReport().write(json, report);
    }
    out.write('\n');
  }

  private static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator json = JSON.createGenerator(out);
    json.setPrettyPrinter(new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    return json;
  }

  private void write(JsonGenerator json, Report report) throws IOException {
    json.writeStartObject();
    json.writeBooleanField("ok", report.ok());
    json.writeStringField("schema", report.schema());
    Report.Summary s = report.summary();
    json.writeObjectFieldStart("summary");
    json.writeNumberField("operations", s.operations());
    json.writeNumberField("broken", s.broken());
    json.writeNumberField("errors", s.errors());
    json.writeNumberField("warnings", s.warnings());
    if (s.pendingBroken() > 0) {
      json.writeNumberField("pendingBroken", s.pendingBroken());
    }
    if (report.notChecked() > 0) {
      json.writeNumberField("notChecked", report.notChecked());
    }
    json.writeEndObject();
    json.writeArrayFieldStart("results");
    for (InteractionReport r : report.results()) {
      json.writeStartObject();
      json.writeStringField("consumer", r.consumer());
      json.writeStringField("consumerVersion", r.consumerVersion());
      json.writeStringField("interaction", r.interaction());
      json.writeStringField("operationName", r.operationName());
      if (r.source() == null) {
        json.writeNullField("source");
      } else {
        json.writeObjectFieldStart("source");
        json.writeStringField("file", r.source().path());
        json.writeNumberField("line", r.source().line());
        json.writeEndObject();
      }
      json.writeBooleanField("ok", r.ok());
      if (r.pending()) {
        json.writeBooleanField("pending", true);
      }
      if (r.outcome() != null) {
        json.writeStringField("outcome", r.outcome());
      }
      findings(json, "errors", r.errors(), RESULT_FINDING_INDENT);
      findings(json, "warnings", r.warnings(), RESULT_FINDING_INDENT);
      json.writeEndObject();
    }
    json.writeEndArray();
    findings(json, "schemaFindings", report.schemaFindings(), SCHEMA_FINDING_INDENT);
    json.writeEndObject();
  }

  private void findings(JsonGenerator json, String name, List<Finding> findings, String indent) throws IOException {
    json.writeArrayFieldStart(name);
    for (Finding f : findings) {
      String text = indent.equals(RESULT_FINDING_INDENT)
          ? rendered.computeIfAbsent(f, k -> standalone(k).replace("\n", "\n" + indent))
          : standalone(f).replace("\n", "\n" + indent);
      json.writeRawValue(text);
    }
    json.writeEndArray();
  }

  /** One finding as a pretty-printed object at the top level. */
  private static String standalone(Finding f) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator json = generator(out)) {
      finding(json, f);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string cannot fail", e);
    }
    return out.toString();
  }

  private static void finding(JsonGenerator json, Finding f) throws IOException {
    json.writeStartObject();
    json.writeStringField("kind", f.kind().name());
    json.writeStringField("severity", f.severity().name());
    json.writeStringField("message", f.message());
    json.writeStringField("coordinate", f.coordinate() == null ? null : f.coordinate().toString());
    json.writeStringField("suggestion", f.suggestion());
    json.writeArrayFieldStart("locations");
    for (Location l : f.locations()) {
      json.writeStartObject();
      json.writeNumberField("line", l.line());
      json.writeNumberField("column", l.column());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringField("fix", f.fix());
    if (f.path() != null) {
      json.writeStringField("path", f.path());
    }
    json.writeEndObject();
  }

  /** Reads a report this class wrote; {@code origin} names it in messages. */
  static Report read(String text, String origin) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("Report " + origin + " is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("results").isArray()) {
      throw new IllegalArgumentException("Report " + origin + " is not a subpact JSON report (no \"results\" array):"
          + " give the JSON report of a verification run.");
    }
    List<InteractionReport> results = new ArrayList<>();
    for (JsonNode r : root.path("results")) {
      JsonNode source = r.path("source");
      results.add(new InteractionReport(text(r, "consumer"), text(r, "consumerVersion"), text(r, "interaction"),
          text(r, "operationName"), text(r, "outcome"), findings(r.path("errors"), origin), findings(r.path("warnings"), origin),
          source.isObject() ? new SourceFile(source.path("file").asText(), source.path("line").asInt(1), false) : null,
          r.path("pending").asBoolean(false), null));
    }
    return new Report(text(root, "schema"), results, findings(root.path("schemaFindings"), origin));
  }

  private static List<Finding> findings(JsonNode array, String origin) {
    List<Finding> findings = new ArrayList<>();
    for (JsonNode f : array) {
      List<Location> locations = new ArrayList<>();
      f.path("locations").forEach(l -> locations.add(new Location(l.path("line").asInt(), l.path("column").asInt())));
      try {
        findings.add(new Finding(FindingKind.valueOf(f.path("kind").asText()), Severity.valueOf(f.path("severity").asText()),
            f.path("message").asText(), f.hasNonNull("coordinate") ? SchemaCoordinate.parse(f.path("coordinate").asText()) : null,
            text(f, "suggestion"), locations, text(f, "fix"), text(f, "path")));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Report " + origin + " holds a finding subpact cannot read (" + e.getMessage() + "): " + f, e);
      }
    }
    return findings;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
