package dev.subpact.backend;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.Location;
import dev.subpact.graphql.check.StaticChecker;
import dev.subpact.graphql.operation.DocumentSyntaxException;
import dev.subpact.graphql.operation.GraphqlDocument;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.operation.OperationType;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoader;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A {@link Build} made executable with graphql-java: resolvers read the {@link NewsStore}; requests
 * are checked first with subpact's {@link StaticChecker}, so errors carry graphql-core's wording as
 * Strawberry would send them.
 */
final class ExecutableBuild {

  /** The GraphQL context key holding the replayed interaction id of a connection, if any. */
  static final String INTERACTION = "subpact.interaction";

  private final Build build;
  private final NewsStore store;
  private final GraphQL graphql;
  private final StaticChecker checker;

  ExecutableBuild(Build build, NewsStore store) {
    this.build = build;
    this.store = store;
    GraphQLSchema schema =
        new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(build.sdl()), wiring());
    this.graphql = GraphQL.newGraphQL(schema).preparsedDocumentProvider(ExecutableBuild::validated).build();
    Schema loaded = SchemaLoader.fromSdl(build.sdl(), "build " + build.name());
    this.checker = StaticChecker.of(loaded);
  }

  Build build() {
    return build;
  }

  /** A request that could not run: a syntax error, or the validation errors (all of them). */
  record Refusal(boolean syntax, List<Map<String, Object>> errors) {}

  /** Parses and validates; {@code null} when the request may run. */
  Refusal refuse(String query, String operationName, Map<String, Object> variables) {
    Operation operation;
    try {
      operation = new Operation(GraphqlDocument.parse(query), operationName, variables);
    } catch (DocumentSyntaxException e) {
      return new Refusal(true, List.of(error(e.getMessage(), List.of(new Location(e.line(), e.column())))));
    }
    List<Map<String, Object>> errors = new ArrayList<>();
    for (Finding finding : checker.check(operation)) {
      if (finding.isError()) {
        errors.add(error(finding.message(), finding.locations()));
      }
    }
    return errors.isEmpty() ? null : new Refusal(false, errors);
  }

  /** The operation type of a valid request. */
  OperationType typeOf(String query, String operationName) {
    return new Operation(GraphqlDocument.parse(query), operationName, Map.of()).type();
  }

  /** Executes a request {@link #refuse} let through; for a subscription the result's data is a publisher of results. */
  ExecutionResult execute(String query, String operationName, Map<String, Object> variables, String interaction) {
    Map<Object, Object> context = new LinkedHashMap<>();
    if (interaction != null) {
      context.put(INTERACTION, interaction);
    }
    return graphql.execute(
        ExecutionInput.newExecutionInput(query)
            .operationName(operationName)
            .variables(variables == null ? Map.of() : variables)
            .graphQLContext(context)
            .locale(Locale.ENGLISH)
            .build());
  }

  /**
   * The document of a request {@link #refuse} let through: the parse it already made (parses are
   * cached per text), and no second validation, since {@code refuse} ran graphql-java's rules.
   */
  private static CompletableFuture<PreparsedDocumentEntry> validated(ExecutionInput input,
      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    return CompletableFuture.completedFuture(new PreparsedDocumentEntry(GraphqlDocument.parse(input.getQuery()).ast()));
  }

  /** An error as graphql-core formats it: message, then locations when known. */
  static Map<String, Object> error(String message, List<Location> locations) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    if (!locations.isEmpty()) {
      List<Map<String, Object>> at = new ArrayList<>();
      for (Location l : locations) {
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("line", l.line());
        location.put("column", l.column());
        at.add(location);
      }
      error.put("locations", at);
    }
    return error;
  }

  static List<Map<String, Object>> errors(List<GraphQLError> errors) {
    List<Map<String, Object>> formatted = new ArrayList<>();
    for (GraphQLError e : errors) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("message", e.getMessage());
      if (e.getLocations() != null && !e.getLocations().isEmpty()) {
        error.put("locations", e.getLocations().stream().map(l -> Map.of("line", l.getLine(), "column", l.getColumn())).toList());
      }
      if (e.getPath() != null) {
        error.put("path", e.getPath());
      }
      formatted.add(error);
    }
    return formatted;
  }

  // ---------------------------------------------------------------- resolvers

  private RuntimeWiring wiring() {
    return RuntimeWiring.newRuntimeWiring()
        .scalar(JSON_SCALAR)
        .codeRegistry(
            GraphQLCodeRegistry.newCodeRegistry()
                .defaultDataFetcher(env -> ExecutableBuild::field))
        .type("Subscription", t -> t.dataFetcher("bot_threads_calls_tasks", this::subscribe))
        .type("Mutation", t -> t.dataFetcher("emessages_delete", this::deleteMessages))
        .type("Query", t -> t.dataFetcher("persona_get", ExecutableBuild::persona))
        .build();
  }

  /** Reads a field from a map source; {@code emessage_*} aliases read the {@code emsg_*} value. */
  private static Object field(DataFetchingEnvironment env) {
    Object source = env.getSource();
    if (!(source instanceof Map<?, ?> map)) {
      return null;
    }
    String name = env.getField().getName();
    if (!map.containsKey(name) && name.startsWith("emessage_")) {
      return map.get("emsg_" + name.substring("emessage_".length()));
    }
    return map.get(name);
  }

  private Object subscribe(DataFetchingEnvironment env) {
    List<String> types = env.containsArgument("want_emsg_types") && env.getArgument("want_emsg_types") != null
        ? env.getArgument("want_emsg_types")
        : env.getArgument("want_emessage_types");
    String interaction = env.getGraphQlContext().get(INTERACTION);
    return store.subscribe(env.getArgument("marketable_name"), types, interaction);
  }

  private Object deleteMessages(DataFetchingEnvironment env) {
    List<String> ids = env.getArgument("emsg_ids") != null ? env.getArgument("emsg_ids") : env.getArgument("emessage_ids");
    if (ids != null) {
      store.deleteMessages(ids);
    }
    return true;
  }

  private static Object persona(DataFetchingEnvironment env) {
    String id = env.getArgument("persona_id");
    Map<String, Object> persona = new LinkedHashMap<>();
    persona.put("owner_fuser_id", "fuser_example");
    persona.put("located_fgroup_id", "fgroup_example1");
    persona.put("persona_id", id);
    persona.put("persona_name", id);
    persona.put("persona_marketable_name", id);
    persona.put("persona_marketable_version", 1);
    persona.put("persona_discounts", null);
    persona.put("persona_setup", Map.of());
    persona.put("persona_created_ts", 1769795283.25);
    persona.put("persona_keepalive_ts", 1769795283.25);
    persona.put("persona_preferred_model", "gpt-example");
    persona.put("ws_id", "ws_example");
    persona.put("ws_timezone", "UTC");
    persona.put("ws_root_group_id", "fgroup_example1");
    persona.put("marketable_run_this", "");
    persona.put("marketable_stage", "STABLE");
    persona.put("marketable_radix", 0);
    return persona;
  }

  /** Strawberry's {@code JSON} scalar: any JSON value, passed through. */
  private static final GraphQLScalarType JSON_SCALAR =
      GraphQLScalarType.newScalar()
          .name("JSON")
          .coercing(
              new Coercing<Object, Object>() {
                @Override
                @SuppressWarnings("deprecation")
                public Object serialize(Object value) {
                  return value;
                }

                @Override
                @SuppressWarnings("deprecation")
                public Object parseValue(Object input) {
                  return input;
                }

                @Override
                @SuppressWarnings("deprecation")
                public Object parseLiteral(Object input) {
                  return literal((Value<?>) input);
                }
              })
          .build();

  private static Object literal(Value<?> value) {
    if (value instanceof StringValue s) {
      return s.getValue();
    } else if (value instanceof IntValue i) {
      return i.getValue();
    } else if (value instanceof FloatValue f) {
      return f.getValue();
    } else if (value instanceof BooleanValue b) {
      return b.isValue();
    } else if (value instanceof ArrayValue a) {
      return a.getValues().stream().map(ExecutableBuild::literal).toList();
    } else if (value instanceof ObjectValue o) {
      Map<String, Object> map = new LinkedHashMap<>();
      o.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue())));
      return map;
    } else if (value instanceof NullValue || value instanceof VariableReference) {
      return null;
    }
    return null;
  }
}
