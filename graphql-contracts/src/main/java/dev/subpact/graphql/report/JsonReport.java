package dev.subpact.graphql.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.Location;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine report, one JSON object (fields in a fixed order), streamed:
 * <pre>
 * {"ok", "schema", "summary": {"operations", "broken", "errors", "warnings", "notChecked"?},
 *  "results": [{"consumer", "consumerVersion", "interaction", "operationName", "source": {"file", "line"},
 *               "ok", "outcome"?, "errors": [finding…], "warnings": [finding…]}],
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
}
