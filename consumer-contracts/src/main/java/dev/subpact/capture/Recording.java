package dev.subpact.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.operation.OperationType;
import dev.subpact.graphql.pact.ExpectedMessage;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.ProviderState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a capture has recorded so far: the distinct operations (thread-safe, any arrival order gives
 * the same result) and the problems that are not operations (documents that do not parse). Turns
 * into one pact.
 */
public final class Recording {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CaptureSettings settings;
  private final Answers answers;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final AtomicLong operations = new AtomicLong();
  private final Traffic traffic = new Traffic();

  Recording(CaptureSettings settings, Answers answers) {
    this.settings = settings;
    this.answers = answers;
  }

  /**
   * Records one operation; {@code findings} are the schema check's (empty without a schema).
   *
   * @return whether it is the first of its kind
   */
  boolean record(CapturedOperation captured, List<Finding> findings) {
    operations.incrementAndGet();
    Operation operation = captured.operation();
    String variables = json(operation.variables());
    String key = captured.transport() + "\n" + operation.operationName() + "\n" + operation.canonical()
        + "\n" + shape(JSON.valueToTree(operation.variables()));
    boolean[] first = {false};
    entries.computeIfAbsent(key, k -> {
      first[0] = true;
      return new Entry(findings);
    }).add(captured, operation.document().text() + "\u0000" + variables);
    return first[0];
  }

  /** Records a problem that is not an operation (e.g. a document with a syntax error). */
  void problem(String message) {
    problems.add(message);
  }

  /** Everything that reached the capture, GraphQL or not. */
  public Traffic traffic() {
    return traffic;
  }

  /** Operations received, counting repeats. */
  public long operationsReceived() {
    return operations.get();
  }

  /** The problems that are not operations, sorted. */
  public List<String> problems() {
    return problems.stream().sorted().toList();
  }

  /** The distinct operations, sorted by description. */
  public List<RecordedInteraction> interactions() {
    List<Map.Entry<String, Entry>> sorted = new ArrayList<>(entries.entrySet());
    sorted.sort(Map.Entry.comparingByKey());
    Map<String, Integer> seen = new TreeMap<>();
    List<RecordedInteraction> out = new ArrayList<>();
    for (Map.Entry<String, Entry> item : sorted) {
      Entry entry = item.getValue();
      RecordedInteraction snapshot = entry.snapshot(null);
      String base = snapshot.operation().label() + " " + snapshot.operation().type().keyword();
      int n = seen.merge(base, 1, Integer::sum);
      out.add(entry.snapshot(n == 1 ? base : base + " (" + n + ")"));
    }
    out.sort(Comparator.comparing(RecordedInteraction::description));
    return out;
  }

  /** The pact: one interaction per distinct operation, same recording, same bytes. */
  public GraphqlPact toPact() {
    List<GraphqlInteraction> interactions = new ArrayList<>();
    for (RecordedInteraction recorded : interactions()) {
      List<ExpectedMessage> expected = answers.expected(recorded.operation());
      interactions.add(new GraphqlInteraction(recorded.description(), states(recorded.operation(), expected), recorded.operation(),
          recorded.transport(), expected));
    }
    return new GraphqlPact(settings.consumer(), settings.provider(), settings.consumerVersion(), interactions);
  }

  /**
   * A subscription that expects an event asks the backend to publish one once it is live; the
   * params name the operation as its document does (a client such as Python's gql sends no
   * {@code operationName}), {@code null} only for a document that names none.
   */
  private static List<ProviderState> states(Operation operation, List<ExpectedMessage> expected) {
    if (expected.isEmpty() || operation.type() != OperationType.SUBSCRIPTION) {
      return List.of();
    }
    String field = operation.definition().getSelectionSet().getSelectionsOfType(graphql.language.Field.class).stream()
        .map(graphql.language.Field::getName).findFirst().orElse("");
    return List.of(ProviderState.subscriptionEvent(operation.name(), field));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Variables that came from JSON cannot be written as JSON", e);
    }
  }

  /** The JSON types of a value: {@code {"ids":["string"]}}-like text, object keys sorted. */
  private static String shape(JsonNode node) {
    if (node.isObject()) {
      Map<String, String> fields = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        fields.put(field.getKey(), shape(field.getValue()));
      }
      return fields.toString();
    }
    if (node.isArray()) {
      SortedSet<String> elements = new TreeSet<>();
      node.forEach(element -> elements.add(shape(element)));
      return elements.toString();
    }
    return node.getNodeType().name();
  }

  /** One distinct operation; the example kept is the smallest (text, variables) ever seen. */
  private static final class Entry {
    private final List<Finding> findings;
    private CapturedOperation example;
    private String exampleOrder;
    private final SortedSet<String> chosen = new TreeSet<>();
    private final SortedSet<String> initKeys = new TreeSet<>();
    private long count;

    Entry(List<Finding> findings) {
      this.findings = List.copyOf(findings);
    }

    synchronized void add(CapturedOperation captured, String order) {
      count++;
      if (exampleOrder == null || order.compareTo(exampleOrder) < 0) {
        example = captured;
        exampleOrder = order;
      }
      if (captured.chosenSubprotocol() != null) {
        chosen.add(captured.chosenSubprotocol());
      }
      initKeys.addAll(captured.initPayloadKeys());
    }

    synchronized RecordedInteraction snapshot(String description) {
      return new RecordedInteraction(description, example.operation(), example.transport(),
          Collections.unmodifiableSortedSet(new TreeSet<>(chosen)),
          Collections.unmodifiableSortedSet(new TreeSet<>(initKeys)), count, findings);
    }
  }
}
