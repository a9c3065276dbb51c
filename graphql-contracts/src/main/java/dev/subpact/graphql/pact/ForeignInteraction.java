package dev.subpact.graphql.pact;

import java.util.List;
import java.util.Objects;

/**
 * An interaction of a provider's pact set that is not a GraphQL operation: a REST request, a
 * message, a plugin interaction. subpact keeps it as the pact wrote it, so that {@code check} can
 * list it as not checked and {@code verify} can hand an HTTP one to Pact JVM's own provider
 * verifier (and report any other kind as not verified) instead of refusing the whole pact set.
 *
 * @param description the interaction's description
 * @param kind what it is, which decides who can verify it
 * @param summary how a person reads it, e.g. {@code HTTP GET /users/1} or {@code Asynchronous/Messages};
 *     for {@link Kind#OVER_LIMIT}, why its document is not read
 * @param providerStates the states the provider must be in, in order
 * @param json the interaction's JSON exactly as the pact holds it
 * @param specification the pact's specification version ({@code metadata.pactSpecification.version},
 *     e.g. {@code 2.0.0}, {@code 3.0.0}, {@code 4.0}), which says how to read {@code json}
 */
public record ForeignInteraction(
    String description, Kind kind, String summary, List<ProviderState> providerStates, String json, String specification) {

  /** What a foreign interaction is. */
  public enum Kind {
    /** A request/response over HTTP that is not a GraphQL POST (Pact V1–V3 interactions, V4 {@code Synchronous/HTTP}). */
    HTTP,
    /** A message (V3 message pacts, V4 {@code Asynchronous/Messages} and non-GraphQL {@code Synchronous/Messages}). */
    MESSAGE,
    /** Anything else: a plugin interaction or a type this version of Pact does not define. */
    OTHER,
    /**
     * A GraphQL operation whose document is over subpact's parse limits, kept unread when the pact is
     * read with {@code GraphqlPacts.parse(json, origin, true)}; the summary says which limit. It is
     * reported as a {@code DOCUMENT_OVER_LIMIT} error, never checked or replayed.
     */
    OVER_LIMIT
  }

  public ForeignInteraction {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(specification, "specification");
    providerStates = providerStates == null ? List.of() : List.copyOf(providerStates);
  }
}
