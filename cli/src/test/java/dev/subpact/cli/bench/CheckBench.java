package dev.subpact.cli.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.check.StaticChecker;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoader;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The static gate's benchmark (a {@code main}, not a test), printing figures measured side by side
 * in one run:
 *
 * <ol>
 *   <li>warm cost per operation of the incident's {@code KarenThreads} document: subpact's parse and
 *       check (graphql-core wording, rename hints, deprecations; uncached, and cached as when many
 *       bots send the same document) against graphql-java's own {@code ParseAndValidate};
 *   <li>end to end, in fresh processes: {@code subpact check} (the launcher's jar, {@code java -jar
 *       cli/target/subpact.jar}) over 1,000 and 5,000 documents (bots × the client kit's two
 *       operations) against {@code graphql-inspector validate} (npm {@code @graphql-inspector/cli@7.0.0})
 *       on the same documents and schema, once where every operation breaks and once where all
 *       pass; subpact plain and with the JVM options the launcher should use.
 * </ol>
 *
 * <p>Run from the repository root after building the CLI jar ({@code ./subpact --help}) and
 * installing the npm test peers ({@code test-peers/install.sh}, or {@code npm ci} in the repository root):
 * <pre>
 * ./mvnw -q -pl cli test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.subpact.cli.bench.CheckBench
 * </pre>
 * ({@code -Dexec.args=warm} runs part (a) only.)
 */
public final class CheckBench {

  private static final String SCHEMAS = "/dev/subpact/backend/schemas/";
  /** Bots per end-to-end run: each sends the client kit's two operations. */
  private static final int[] BOTS = {500, 2500};
  private static final int RUNS = 5;

  /** The JVM options proposed for the launcher (an AppCDS archive made by a training run, C1 only, serial GC). */
  static List<String> tunedOptions(Path archive) {
    return List.of("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xlog:disable");
  }

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    Path repo = repositoryRoot();
    String karen = ckit("KarenThreads").get("wire_query_graphql_core_3.2.8").asText();
    String delete = ckit("DeleteEmessages").get("wire_query_graphql_core_3.2.8").asText();
    Map<String, Object> variables = new ObjectMapper().convertValue(ckit("KarenThreads").get("variables"), new TypeReference<>() {});

    System.out.println("== (a) warm cost per operation, KarenThreads vs the 'renamed' build (10 errors) ==");
    Schema schema = SchemaLoader.fromSdl(resource(SCHEMAS + "renamed.graphql"), "renamed.graphql");
    warm(schema, karen, variables);
    if (args.length > 0 && args[0].equals("warm")) {
      return;
    }

    System.out.println();
    System.out.println("== (b) end to end, fresh processes, on the same documents and schema ==");
    System.out.println("tuned JVM = java " + String.join(" ", tunedOptions(Path.of("<archive from a training run>"))) + " -jar …");
    for (int bots : BOTS) {
      Path documents = documents(bots, karen, delete);
      System.out.println("-- " + (2 * bots) + " documents (" + bots + " bots x 2 client-kit operations) vs the 'renamed' build: every operation breaks (10 + 2 errors per bot, with fixes) --");
      endToEnd(repo, documents, resource(SCHEMAS + "renamed.graphql"), 1);
      System.out.println("-- " + (2 * bots) + " documents vs the 'before-rename' build: every operation passes --");
      endToEnd(repo, documents, resource(SCHEMAS + "before-rename.graphql"), 0);
    }
  }

  // ------------------------------------------------------------------ (a)

  private static void warm(Schema schema, String document, Map<String, Object> variables) {
    StaticChecker shared = StaticChecker.of(schema);
    // A new text each time (a trailing comment) for both sides, so neither reuses an earlier parse.
    java.util.concurrent.atomic.AtomicLong texts = new java.util.concurrent.atomic.AtomicLong();
    Supplier<Object> graphqlJava = () -> {
      ParseAndValidateResult r = ParseAndValidate.parseAndValidate(schema.graphql(),
          ExecutionInput.newExecutionInput(document + "\n# " + texts.incrementAndGet()).operationName("KarenThreads").variables(variables).build());
      if (r.getValidationErrors().size() != 10) {
        throw new IllegalStateException("graphql-java found " + r.getValidationErrors().size() + " errors");
      }
      return r;
    };
    Supplier<Object> subpactUncached = () -> {
      List<?> findings = StaticChecker.of(schema).check(Operation.of(document + "\n# " + texts.incrementAndGet(), "KarenThreads", variables));
      if (findings.size() != 10) {
        throw new IllegalStateException("subpact found " + findings.size());
      }
      return findings;
    };
    Supplier<Object> subpactCached = () -> shared.check(Operation.of(document, "KarenThreads", variables));
    for (int round = 0; round < 3; round++) { // warm-up: let the JIT settle on all three
      time(graphqlJava, 3000);
      time(subpactUncached, 3000);
      time(subpactCached, 3000);
    }
    double[] java = new double[RUNS];
    double[] uncached = new double[RUNS];
    double[] cached = new double[RUNS];
    for (int i = 0; i < RUNS; i++) { // interleaved so drift hits all alike
      java[i] = time(graphqlJava, 3000);
      uncached[i] = time(subpactUncached, 3000);
      cached[i] = time(subpactCached, 3000);
    }
    double j = median(java);
    double u = median(uncached);
    double c = median(cached);
    System.out.printf("graphql-java ParseAndValidate (parse + validate)        %8.1f us/op%n", j);
    System.out.printf("subpact parse + check, uncached (first time a document) %8.1f us/op   ratio %.2f (target <= 1.20)%n", u, u / j);
    System.out.printf("subpact parse + check, cached (same document again)     %8.1f us/op   ratio %.2f%n", c, c / j);
  }

  private static double time(Supplier<Object> work, int iterations) {
    long start = System.nanoTime();
    Object sink = null;
    for (int i = 0; i < iterations; i++) {
      sink = work.get();
    }
    long elapsed = System.nanoTime() - start;
    if (sink == null) {
      throw new IllegalStateException();
    }
    return elapsed / 1000.0 / iterations;
  }

  // ------------------------------------------------------------------ (b)

  private static Path documents(int bots, String karen, String delete) throws IOException {
    Path documents = Files.createTempDirectory("subpact-bench-documents");
    for (int bot = 1; bot <= bots; bot++) {
      Files.writeString(documents.resolve(String.format("bot%04d-KarenThreads.graphql", bot)), karen);
      Files.writeString(documents.resolve(String.format("bot%04d-DeleteEmessages.graphql", bot)), delete);
    }
    return documents;
  }

  private static void endToEnd(Path repo, Path documents, String schemaText, int exit) throws Exception {
    Path jar = repo.resolve("cli/target/subpact.jar");
    Path inspector = repo.resolve("node_modules/.bin/graphql-inspector");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it first with ./subpact --help");
    }
    if (!Files.isExecutable(inspector)) {
      throw new IllegalStateException(inspector + " is missing: run test-peers/install.sh (or npm ci in the repository root)");
    }
    Path dir = Files.createTempDirectory("subpact-bench");
    Path schema = dir.resolve("schema.graphql");
    Files.writeString(schema, schemaText);
    Path archive = dir.resolve("subpact.jsa");
    List<String> check = List.of("check", "--schema", schema.toString(), "--documents", documents.toString(),
        "--format", "json", "--output", dir.resolve("report.json").toString());
    List<String> plain = new ArrayList<>(List.of("java", "-jar", jar.toString()));
    plain.addAll(check);
    List<String> training = new ArrayList<>(List.of("java", "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:disable", "-jar", jar.toString()));
    training.addAll(check);
    List<String> tuned = new ArrayList<>(List.of("java"));
    tuned.addAll(tunedOptions(archive));
    tuned.addAll(List.of("-jar", jar.toString()));
    tuned.addAll(check);
    List<String> inspect = List.of(inspector.toString(), "validate", documents + "/*.graphql", schema.toString());

    expectExit(run(training, repo), exit, "training run");
    expectExit(run(plain, repo), exit, "subpact");
    expectExit(run(inspect, repo), exit, "graphql-inspector");
    double[] p = new double[RUNS];
    double[] t = new double[RUNS];
    double[] g = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      p[i] = run(plain, repo).seconds();
      t[i] = run(tuned, repo).seconds();
      g[i] = run(inspect, repo).seconds();
    }
    System.out.printf("graphql-inspector validate        median %6.2f s  best %6.2f s   runs %s%n", median(g), min(g), round(g));
    System.out.printf("subpact check, java -jar          median %6.2f s  best %6.2f s   runs %s   %.1fx faster (medians), %.1fx (best)%n",
        median(p), min(p), round(p), median(g) / median(p), min(g) / min(p));
    System.out.printf("subpact check, tuned JVM          median %6.2f s  best %6.2f s   runs %s   %.1fx faster (medians), %.1fx (best) (target >= 5x)%n",
        median(t), min(t), round(t), median(g) / median(t), min(g) / min(t));
  }

  private record Result(int exit, double seconds, String output) {}

  private static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
    Path log = Files.createTempFile("subpact-bench", ".log");
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String output = Files.readString(log);
    Files.delete(log);
    return new Result(process.exitValue(), seconds, output);
  }

  private static void expectExit(Result result, int exit, String what) {
    if (result.exit() != exit) {
      throw new IllegalStateException(what + " exited " + result.exit() + ", expected " + exit + ":\n" + result.output());
    }
  }

  // ------------------------------------------------------------------ helpers

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  private static List<Double> round(double[] values) {
    return Arrays.stream(values).map(v -> Math.round(v * 100) / 100.0).boxed().toList();
  }

  private static JsonNode ckit(String name) throws IOException {
    return new ObjectMapper().readTree(resource("/dev/subpact/incident/ckit/" + name + ".before-rename.json"));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CheckBench.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing classpath resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The repository root: the folder above the working directory that holds the {@code subpact} launcher. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("subpact"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("run from inside the subpact repository (no ./subpact launcher found above " + Path.of("").toAbsolutePath() + ")");
    }
    return dir;
  }
}
