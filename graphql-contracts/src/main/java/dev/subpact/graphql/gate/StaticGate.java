package dev.subpact.graphql.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.change.UsedSchemaChanges;
import dev.subpact.graphql.check.CheckInputException;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FixStyle;
import dev.subpact.graphql.check.StaticChecker;
import dev.subpact.graphql.operation.DocumentSyntaxException;
import dev.subpact.graphql.operation.GraphqlDocument;
import dev.subpact.graphql.operation.InputLimits;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.operation.OperationType;
import dev.subpact.graphql.pact.ForeignInteraction;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.report.SourceFile;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoadException;
import dev.subpact.graphql.schema.SchemaLoader;
import graphql.language.OperationDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code subpact check} as a whole: load the backend's schema, read every operation the consumers
 * are known to send (their pacts, or plain {@code .graphql} documents), check each one and report.
 * Files are read and operations checked on all cores; identical documents are checked once.
 */
public final class StaticGate {

  /** Jackson starts only when JSON is read: checking SDL and .graphql files does not pay for it. */
  private static final class Lazy {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  /** How the message of a baseline schema that cannot be loaded begins (a front end may name its option for it). */
  public static final String BASELINE_UNUSABLE = "The baseline schema (the schema to compare with) cannot be used: ";

  /** Schemas whose loading started before the check itself (see {@link #prefetch(String)}), by source. */
  private static final Map<String, FutureTask<Schema>> PREFETCHED = new ConcurrentHashMap<>();

  private StaticGate() {}

  /**
   * Starts loading {@code schemaSource} now, on a thread of its own, so that a later check of the
   * same source does not wait for it: the CLI calls this before it parses its options, and the two
   * overlap on separate cores. Problems surface when the check joins it, exactly as without.
   */
  public static void prefetch(String schemaSource) {
    PREFETCHED.computeIfAbsent(schemaSource, StaticGate::startLoading);
  }

  private static FutureTask<Schema> startLoading(String schemaSource) {
    return startLoading(schemaSource, Map.of());
  }

  private static FutureTask<Schema> startLoading(String schemaSource, Map<String, String> headers) {
    FutureTask<Schema> task = new FutureTask<>(() -> loadOrLint(schemaSource, headers));
    Thread loader = new Thread(task, "subpact-schema-loader");
    loader.setDaemon(true);
    loader.start();
    return task;
  }

  /** Checks every interaction of the pacts in {@code pacts} (files, or folders searched for {@code *.json}). */
  public static Report checkPacts(String schemaSource, List<Path> pacts) {
    return checkPacts(schemaSource, pacts, false);
  }

  /**
   * Checks every interaction of the pacts in {@code pacts}; with {@code enablePending}, the
   * interactions of pacts marked pending ({@link GraphqlPact#pending()}) are reported pending: their
   * failures do not fail the run.
   */
  public static Report checkPacts(String schemaSource, List<Path> pacts, boolean enablePending) {
    return checkPacts(schemaSource, Map.of(), List.of(), (String) null, pacts, enablePending);
  }

  /**
   * As {@link #checkPacts(String, List, boolean)}, sending {@code headers} when the schema source is
   * a URL to introspect, writing fixes in {@code fixStyles} (empty: the styles the schema suggests,
   * {@link FixStyle#suggestedFor}); with a {@code baselineSource} (the schema the consumers run against today:
   * SDL, introspection JSON or URL), each operation also gets the changes from the baseline it can
   * feel along its selections ({@link UsedSchemaChanges}), and renames are recognised by their shape too.
   */
  public static Report checkPacts(String schemaSource, Map<String, String> headers, List<FixStyle> fixStyles,
      String baselineSource, List<Path> pacts, boolean enablePending) {
    return check(schemaSource, headers, fixStyles, baselineSource == null ? null : startLoadingBaseline(baselineSource),
        readPacts(pacts, enablePending));
  }

  /** As {@link #checkPacts(String, Map, String, List, boolean)} with a baseline already loaded (e.g. fetched from a broker). */
  public static Report checkPacts(String schemaSource, Map<String, String> headers, List<FixStyle> fixStyles, Schema baseline,
      List<Path> pacts, boolean enablePending) {
    return check(schemaSource, headers, fixStyles, loaded(baseline), readPacts(pacts, enablePending));
  }

  private static Supplier<List<Checked>> readPacts(List<Path> pacts, boolean enablePending) {
    return () -> expand(pacts, ".json", "pact", true).parallelStream()
        .map(file -> readPact(file, enablePending))
        .flatMap(List::stream)
        .toList();
  }

  /**
   * Checks {@code .graphql} documents (files, or folders searched for {@code *.graphql}); a
   * sibling {@code .json} file may give {@code operationName} and {@code variables} (without
   * {@code variables}, the example variables are not checked).
   */
  public static Report checkDocuments(String schemaSource, List<Path> documents) {
    return checkDocuments(schemaSource, Map.of(), List.of(), (String) null, documents);
  }

  /**
   * As {@link #checkDocuments(String, List)}, sending {@code headers} when the schema source is a URL
   * to introspect, writing fixes in {@code fixStyles}, and compared along each document's selections with {@code baselineSource} when not
   * {@code null}.
   */
  public static Report checkDocuments(String schemaSource, Map<String, String> headers, List<FixStyle> fixStyles,
      String baselineSource, List<Path> documents) {
    return check(schemaSource, headers, fixStyles, baselineSource == null ? null : startLoadingBaseline(baselineSource),
        readDocuments(documents));
  }

  /** As {@link #checkDocuments(String, Map, String, List)} with a baseline already loaded (e.g. fetched from a broker). */
  public static Report checkDocuments(String schemaSource, Map<String, String> headers, List<FixStyle> fixStyles,
      Schema baseline, List<Path> documents) {
    return check(schemaSource, headers, fixStyles, loaded(baseline), readDocuments(documents));
  }

  private static Supplier<List<Checked>> readDocuments(List<Path> documents) {
    Map<String, GraphqlDocument> parsed = new ConcurrentHashMap<>();
    return () -> expand(documents, ".graphql", "document", false).parallelStream()
        .map(file -> readDocument(file, parsed))
        .toList();
  }

  private static FutureTask<Schema> loaded(Schema baseline) {
    if (baseline == null) {
      return null;
    }
    FutureTask<Schema> done = new FutureTask<>(() -> baseline);
    done.run();
    return done;
  }

  /**
   * Loads the schema on a thread of its own while the operations are read, then checks them. A
   * schema problem is reported before an input problem, whichever is found first.
   */
  private static Report check(String schemaSource, Map<String, String> headers, List<FixStyle> fixStyles,
      FutureTask<Schema> baselineTask,
      Supplier<List<Checked>> readOperations) {
    FutureTask<Schema> prefetched = PREFETCHED.remove(schemaSource);
    FutureTask<Schema> schemaTask = prefetched != null && headers.isEmpty() ? prefetched : startLoading(schemaSource, headers);
    List<Checked> operations = null;
    RuntimeException inputProblem = null;
    try {
      operations = readOperations.get();
    } catch (RuntimeException e) {
      inputProblem = e;
    }
    Schema schema = join(schemaTask);
    if (schema == null) {
      return lintOnly(schemaSource);
    }
    Schema baseline = baselineTask == null ? null : join(baselineTask);
    if (inputProblem != null) {
      throw inputProblem;
    }
    return report(StaticChecker.of(schema, fixStyles, baseline),
        baseline == null ? null : UsedSchemaChanges.between(baseline, schema), operations);
  }

  /**
   * The baseline schema from {@code source} (SDL, introspection JSON or URL; a URL gets no request
   * headers: those are for the build's schema, and the baseline may live elsewhere), its failures
   * worded as {@link #BASELINE_UNUSABLE}.
   */
  public static Schema loadBaseline(String source) {
    try {
      return SchemaLoader.load(source);
    } catch (SchemaLoadException e) {
      throw new SchemaLoadException(BASELINE_UNUSABLE + e.getMessage(), e);
    }
  }

  private static FutureTask<Schema> startLoadingBaseline(String source) {
    FutureTask<Schema> task = new FutureTask<>(() -> loadBaseline(source));
    Thread loader = new Thread(task, "subpact-baseline-loader");
    loader.setDaemon(true);
    loader.start();
    return task;
  }

  private static Schema join(FutureTask<Schema> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the schema", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * An operation to check, whether its example variables are known, and how to report it; a
   * {@code null} operation is an interaction that is not GraphQL, listed as not checked, or one whose
   * document is over the parse limits, reported with its {@code overLimit} finding.
   */
  private record Checked(
      String consumer, String version, String interaction, Operation operation, boolean withVariables, SourceFile source,
      boolean pending, Finding overLimit) {

    Checked(String consumer, String version, String interaction, Operation operation, boolean withVariables, SourceFile source,
        boolean pending) {
      this(consumer, version, interaction, operation, withVariables, source, pending, null);
    }
  }

  private static Report report(StaticChecker checker, UsedSchemaChanges changes, List<Checked> operations) {
    List<InteractionReport> results = operations.parallelStream().map(c -> {
      if (c.overLimit() != null) {
        return new InteractionReport(c.consumer(), c.version(), c.interaction(), null, null, List.of(c.overLimit()), List.of(),
            c.source(), c.pending(), null);
      }
      if (c.operation() == null) {
        return new InteractionReport(c.consumer(), c.version(), c.interaction(), null, InteractionReport.NOT_CHECKED,
            List.of(), List.of(), c.source(), false, null);
      }
      List<Finding> checked = c.withVariables() ? checker.check(c.operation()) : checker.checkDocument(c.operation());
      List<Finding> findings = changes == null ? checked : changes.alongside(checked, c.operation());
      return new InteractionReport(c.consumer(), c.version(), c.interaction(), c.operation().name(), null,
          findings.stream().filter(Finding::isError).toList(),
          findings.stream().filter(f -> !f.isError()).toList(),
          c.source(), c.pending(), null);
    }).toList();
    return new Report(checker.schema().origin(), results, checker.lintSchema());
  }

  /** The schema, or {@code null} when it does not load only because of an alias trap the lint reports. */
  private static Schema loadOrLint(String source, Map<String, String> headers) {
    try {
      return SchemaLoader.load(source, headers);
    } catch (SchemaLoadException e) {
      if (lintOf(source).stream().anyMatch(Finding::isError)) {
        return null;
      }
      throw e;
    }
  }

  private static Report lintOnly(String source) {
    return new Report(source, List.of(), lintOf(source));
  }

  private static List<Finding> lintOf(String source) {
    if (source.contains("://")) {
      return List.of();
    }
    try {
      if (InputLimits.refusal(source, Files.size(Path.of(source))).isPresent()) {
        return List.of(); // the load already said why
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    try {
      return StaticChecker.lintSdl(Files.readString(Path.of(source), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  // ------------------------------------------------------------------ pacts

  private static List<Checked> readPact(Path file, boolean enablePending) {
    String text = read(file, "Pact file");
    GraphqlPact pact = GraphqlPacts.parse(text, file.toString(), true);
    List<Checked> out = new ArrayList<>();
    for (GraphqlInteraction interaction : pact.interactions()) {
      out.add(new Checked(pact.consumer(), pact.consumerVersion(), interaction.description(), interaction.operation(), true,
          new SourceFile(file.toString(), lineOfInteraction(text, interaction.description()), false), enablePending && pact.pending()));
    }
    for (ForeignInteraction interaction : pact.foreign()) {
      boolean overLimit = interaction.kind() == ForeignInteraction.Kind.OVER_LIMIT;
      out.add(new Checked(pact.consumer(), pact.consumerVersion(), interaction.description(), null, false,
          new SourceFile(file.toString(), lineOfInteraction(text, interaction.description()), false),
          overLimit && enablePending && pact.pending(),
          overLimit ? Finding.documentOverLimit(interaction.summary(), pact.consumer()) : null));
    }
    return out;
  }

  /** The line of the interaction's {@code "description"} in the pact text, or 1. */
  private static int lineOfInteraction(String text, String description) {
    String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(description));
    Matcher m = Pattern.compile("\"description\"\\s*:\\s*\"" + Pattern.quote(escaped) + "\"").matcher(text);
    if (!m.find()) {
      return 1;
    }
    int line = 1;
    for (int i = 0; i < m.start(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  // ------------------------------------------------------------------ documents

  /** Reads one document; {@code parsed} holds the documents already parsed, by text (bots share documents). */
  private static Checked readDocument(Path file, Map<String, GraphqlDocument> parsed) {
    String text = read(file, "Document");
    GraphqlDocument document;
    try {
      document = parsed.computeIfAbsent(text, GraphqlDocument::parse);
    } catch (DocumentSyntaxException e) {
      if (e.overLimit()) {
        return new Checked(file.getFileName().toString(), null, file.getFileName().toString(), null, false,
            new SourceFile(file.toString(), e.line(), true), false,
            Finding.documentOverLimit("Document " + file + " is not read: " + e.getMessage(), "consumer"));
      }
      throw new CheckInputException("Document " + file + " has a syntax error at line " + e.line() + ", column "
          + e.column() + ": " + e.getMessage(), e);
    }
    String name = file.getFileName().toString();
    Path sibling = file.resolveSibling(name.substring(0, name.length() - ".graphql".length()) + ".json");
    String operationName = null;
    Map<String, Object> variables = null;
    if (Files.isRegularFile(sibling)) {
      JsonNode json;
      try {
        json = Lazy.JSON.readTree(read(sibling, "Operation file"));
      } catch (JsonProcessingException e) {
        throw new CheckInputException("Operation file " + sibling + " (beside " + file + ") is not valid JSON: "
            + e.getOriginalMessage(), e);
      }
      if (json.hasNonNull("operationName")) {
        operationName = json.get("operationName").asText();
      }
      if (json.has("variables") && json.get("variables").isObject()) {
        variables = Lazy.JSON.convertValue(json.get("variables"), new TypeReference<LinkedHashMap<String, Object>>() {});
      }
    }
    Operation operation = new Operation(document, operationName, variables);
    return new Checked(name, null, interactionName(operation, name), operation, variables != null,
        new SourceFile(file.toString(), 1, true), false);
  }

  /** {@code MessageAdded subscription}, as pacts name interactions; the file name when the document holds no single operation. */
  private static String interactionName(Operation operation, String fileName) {
    List<OperationDefinition> definitions = operation.document().ast().getDefinitionsOfType(OperationDefinition.class);
    try {
      OperationDefinition definition = operation.definition();
      String name = definition.getName() == null ? "<anonymous>" : definition.getName();
      return name + " " + OperationType.valueOf(definition.getOperation().name()).keyword();
    } catch (IllegalStateException e) {
      return definitions.isEmpty() ? fileName : fileName + " (" + definitions.size() + " operations)";
    }
  }

  // ------------------------------------------------------------------ files

  /**
   * The files named, folders searched for {@code *suffix}; a folder without any is an error unless
   * {@code emptyFolderAllowed} (a provider with no contracts yet has an empty pact folder).
   */
  private static List<Path> expand(List<Path> paths, String suffix, String what, boolean emptyFolderAllowed) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        List<Path> found;
        try (Stream<Path> walk = Files.walk(path)) {
          found = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
          throw new CheckInputException("Folder " + path + " cannot be listed: " + e.getMessage(), e);
        }
        if (found.isEmpty() && !emptyFolderAllowed) {
          throw new CheckInputException("Folder " + path + " holds no *" + suffix + " " + what + " files.");
        }
        files.addAll(found);
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        throw new CheckInputException(capitalised(what) + " file " + path + " does not exist.");
      }
    }
    return files;
  }

  private static String read(Path file, String what) {
    try {
      InputLimits.refusal(what + " " + file, Files.size(file)).ifPresent(tooLarge -> {
        throw new CheckInputException(tooLarge);
      });
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CheckInputException(what + " " + file + " does not exist.", e);
    } catch (IOException e) {
      throw new CheckInputException(what + " " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
