package dev.subpact.graphql.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.Location;
import java.util.List;

/**
 * The machine report, one JSON object (fields in a fixed order):
 * <pre>
 * {"ok", "schema", "summary": {"operations", "broken", "errors", "warnings"},
 *  "results": [{"consumer", "consumerVersion", "interaction", "operationName", "source", "ok", "outcome"?,
 *               "errors": [finding…], "warnings": [finding…]}],
 *  "schemaFindings": [finding…]}
 * finding = {"kind", "severity", "message", "coordinate", "suggestion", "locations": [{"line", "column"}],
 *            "fix", "path"?}
 * </pre>
 */
final class JsonReport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private JsonReport() {}

  static String render(Report report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("ok", report.ok());
    root.put("schema", report.schema());
    Report.Summary s = report.summary();
    ObjectNode summary = root.putObject("summary");
    summary.put("operations", s.operations());
    summary.put("broken", s.broken());
    summary.put("errors", s.errors());
    summary.put("warnings", s.warnings());
    ArrayNode results = root.putArray("results");
    for (InteractionReport r : report.results()) {
      ObjectNode result = results.addObject();
      result.put("consumer", r.consumer());
      result.put("consumerVersion", r.consumerVersion());
      result.put("interaction", r.interaction());
      result.put("operationName", r.operationName());
      if (r.source() == null) {
        result.putNull("source");
      } else {
        result.putObject("source").put("file", r.source().path()).put("line", r.source().line());
      }
      result.put("ok", r.ok());
      if (r.outcome() != null) {
        result.put("outcome", r.outcome());
      }
      findings(result.putArray("errors"), r.errors());
      findings(result.putArray("warnings"), r.warnings());
    }
    findings(root.putArray("schemaFindings"), report.schemaFindings());
    try {
      return JSON.writer(PRETTY).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report tree always serialises", e);
    }
  }

  private static void findings(ArrayNode array, List<Finding> findings) {
    for (Finding f : findings) {
      ObjectNode node = array.addObject();
      node.put("kind", f.kind().name());
      node.put("severity", f.severity().name());
      node.put("message", f.message());
      node.put("coordinate", f.coordinate() == null ? null : f.coordinate().toString());
      node.put("suggestion", f.suggestion());
      ArrayNode locations = node.putArray("locations");
      for (Location l : f.locations()) {
        locations.addObject().put("line", l.line()).put("column", l.column());
      }
      node.put("fix", f.fix());
      if (f.path() != null) {
        node.put("path", f.path());
      }
    }
  }
}
