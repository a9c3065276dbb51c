package dev.subpact.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.gate.StaticGate;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The mutation benchmark of {@code check --baseline} (a {@code main}, not a test): precision and
 * recall per kind of schema change, for subpact and graphql-inspector's {@code diff} and
 * {@code validate}, in one run, scored against an oracle that uses graphql-js and no subpact code.
 *
 * <p>The corpus is {@code graphql-contracts/src/test/resources/dev/subpact/graphql/change/mutations/}:
 * a base schema, five operations (query, mutation, subscription; fragments, aliases, recorded
 * variables) and one case per file, each one kind of change applied to a part an operation
 * selects, or to a part none selects. {@code cli/src/test/node/baseline-oracle.mjs} writes each
 * mutated schema and gives, per case and operation, the oracle's verdict (error, warning or none;
 * see the script), the hand label, and graphql-inspector's verdicts. subpact's verdict is that of
 * {@code subpact check --schema <mutated> --baseline base.graphql --documents operations/} (errors,
 * else warnings, else none). Each (case, operation) pair scores: a true positive when a tool's
 * verdict equals the oracle's non-none verdict, a false positive when a tool says error or warning
 * and the oracle says otherwise, a false negative when the oracle says error or warning and the tool
 * says otherwise. graphql-inspector {@code diff} does not know the operations: its verdict on the
 * schema counts for every operation.
 *
 * <p>Run from the repository root after installing the npm test peers ({@code test-peers/install.sh},
 * or {@code npm ci} in the repository root):
 * <pre>
 * ./mvnw -q -pl cli -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp cli/target/test-classes:cli/target/classes:$(cat cli/target/cp.txt) dev.subpact.cli.bench.BaselineBench
 * </pre>
 */
public final class BaselineBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] TOOLS = {"subpact check --baseline", "inspector diff", "inspector validate"};

  /** True positives, false positives and false negatives of one tool on one kind. */
  private static final class Score {
    int tp;
    int fp;
    int fn;

    void add(String truth, String verdict) {
      if (!verdict.equals("none") && verdict.equals(truth)) {
        tp++;
        return;
      }
      if (!verdict.equals("none")) {
        fp++;
      }
      if (!truth.equals("none")) {
        fn++;
      }
    }

    String precision() {
      return tp + fp == 0 ? "—" : percent(tp, tp + fp);
    }

    String recall() {
      return tp + fn == 0 ? "—" : percent(tp, tp + fn);
    }

    private static String percent(int part, int whole) {
      return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
  }

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    Path repo = CheckBench.repositoryRoot();
    Path corpus = repo.resolve("graphql-contracts/src/test/resources/dev/subpact/graphql/change/mutations");
    Path out = repo.resolve("cli/target/baseline-bench");
    Files.createDirectories(out);
    Path oracleOutput = out.resolve("oracle.json");
    Process node = new ProcessBuilder("node", "baseline-oracle.mjs", corpus.toString(), out.toString())
        .directory(repo.resolve("cli/src/test/node").toFile())
        .redirectOutput(oracleOutput.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    if (node.waitFor() != 0) {
      throw new IllegalStateException("the graphql-js oracle failed (exit " + node.exitValue() + "); see its output above");
    }
    JsonNode oracle = JSON.readTree(Files.readString(oracleOutput, StandardCharsets.UTF_8));

    Map<String, Score[]> byKind = new LinkedHashMap<>();
    Score[] total = {new Score(), new Score(), new Score()};
    List<String> disagreements = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    int pairs = 0;
    int cases = 0;
    for (JsonNode c : oracle.get("cases")) {
      cases++;
      Report report = StaticGate.checkDocuments(c.get("schema").asText(), java.util.Map.of(), List.of(), corpus.resolve("base.graphql").toString(),
          List.of(corpus.resolve("operations")));
      Map<String, String> subpact = new LinkedHashMap<>();
      for (InteractionReport result : report.results()) {
        subpact.put(result.operationName(), verdict(result));
      }
      Score[] scores = byKind.computeIfAbsent(c.get("kind").asText(), k -> new Score[] {new Score(), new Score(), new Score()});
      var names = c.get("oracle").fieldNames();
      while (names.hasNext()) {
        String operation = names.next();
        pairs++;
        String truth = c.at("/oracle/" + operation).asText();
        if (!truth.equals(c.at("/label/" + operation).asText())) {
          disagreements.add(c.get("case").asText() + " " + operation + ": oracle " + truth + ", hand label " + c.at("/label/" + operation).asText());
        }
        String[] verdicts = {subpact.get(operation), c.get("inspectorDiff").asText(), c.at("/inspectorValidate/" + operation).asText()};
        for (int tool = 0; tool < TOOLS.length; tool++) {
          scores[tool].add(truth, verdicts[tool]);
          total[tool].add(truth, verdicts[tool]);
        }
        if (!verdicts[0].equals(truth)) {
          misses.add(c.get("case").asText() + " " + operation + ": oracle " + truth + ", subpact " + verdicts[0]);
        }
      }
    }

    System.out.println("check --baseline mutation benchmark: " + cases + " mutated schemas x "
        + oracle.at("/cases/0/oracle").size() + " operations = " + pairs + " (case, operation) pairs; oracle: graphql-js, "
        + oracle.get("runsPerOperation").asInt() + " mocked executions per operation and schema");
    System.out.println();
    StringBuilder header = new StringBuilder("| kind of change | cases (used/unused) |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (String tool : TOOLS) {
      header.append(' ').append(tool).append(" P / R |");
      rule.append("---|");
    }
    System.out.println(header);
    System.out.println(rule);
    Map<String, int[]> caseCounts = new LinkedHashMap<>();
    for (JsonNode c : oracle.get("cases")) {
      int[] counts = caseCounts.computeIfAbsent(c.get("kind").asText(), k -> new int[2]);
      counts[c.get("used").asBoolean() ? 0 : 1]++;
    }
    Function<Score[], String> cells = scores -> {
      StringBuilder row = new StringBuilder();
      for (Score score : scores) {
        row.append(' ').append(score.precision()).append(" / ").append(score.recall()).append(" |");
      }
      return row.toString();
    };
    byKind.forEach((kind, scores) -> {
      int[] counts = caseCounts.get(kind);
      System.out.println("| " + kind + " | " + counts[0] + "/" + counts[1] + " |" + cells.apply(scores));
    });
    System.out.println("| **all** | " + cases + " |" + cells.apply(total));
    System.out.println();
    System.out.println("(P = precision, R = recall over (case, operation) pairs; — = no positive verdict to score)");
    System.out.println("hand labels vs graphql-js oracle: " + (disagreements.isEmpty() ? "agree on all " + pairs + " pairs" : disagreements));
    System.out.println("subpact vs oracle: " + (misses.isEmpty() ? "agree on all " + pairs + " pairs" : String.join("; ", misses)));
  }

  private static String verdict(InteractionReport result) {
    List<Finding> findings = new ArrayList<>(result.errors());
    findings.addAll(result.warnings());
    return !result.errors().isEmpty() ? "error" : findings.isEmpty() ? "none" : "warning";
  }
}
