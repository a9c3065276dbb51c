package dev.subpact.broker.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.operation.InputLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small Pact Broker client: HAL index discovery, publishing (the broker's
 * {@code POST /contracts/publish}, or the older PUT flow when the index lacks
 * {@code pb:publish-contracts}), and fetching a consumer's latest pact on a branch. Retries with
 * exponential backoff on 5xx and unreachable brokers; every failure is a {@link BrokerException}
 * that says what to do.
 */
public final class BrokerClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HAL = "application/hal+json";

  private final URI base;
  private final BrokerAuth auth;
  private final HttpClient http;
  private final int attempts;
  private final Duration backoff;
  private final Map<String, String> headers;

  private BrokerClient(URI base, BrokerAuth auth, int attempts, Duration backoff, Map<String, String> headers) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.auth = auth;
    this.attempts = attempts;
    this.backoff = backoff;
    this.headers = Map.copyOf(headers);
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** A client for the broker at {@code base}: 4 attempts per request, backoff from 250 ms doubling. */
  public static BrokerClient of(URI base, BrokerAuth auth) {
    return new BrokerClient(base, auth, 4, Duration.ofMillis(250), Map.of());
  }

  /** The same client with another retry policy ({@code attempts} ≥ 1 tries per request). */
  public BrokerClient withRetries(int attempts, Duration initialBackoff) {
    return new BrokerClient(base, auth, Math.max(1, attempts), initialBackoff, headers);
  }

  /** The same client sending {@code extra} request headers (e.g. a gateway's) on every request; their values are never printed. */
  public BrokerClient withHeaders(Map<String, String> extra) {
    return new BrokerClient(base, auth, attempts, backoff, extra);
  }

  public URI base() {
    return base;
  }

  /** The broker's HAL index ({@code GET /}). */
  public JsonNode index() {
    return json(send("GET", base, null, null, "read the index"), "the index");
  }

  /** The href of a relation of the index, resolved against the broker's URL. */
  public Optional<URI> link(JsonNode index, String relation) {
    JsonNode href = index.path("_links").path(relation).path("href");
    return href.isTextual() ? Optional.of(base.resolve(stripLeadingSlash(href.asText()))) : Optional.empty();
  }

  /** Publishes one consumer version's pacts. */
  public PublishResult publish(PublishRequest request) {
    Optional<URI> publishContracts = link(index(), "pb:publish-contracts");
    return publishContracts.isPresent() ? publishContracts(publishContracts.get(), request) : publishByPut(request);
  }

  private PublishResult publishContracts(URI url, PublishRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("pacticipantName", request.consumer());
    body.put("pacticipantVersionNumber", request.consumerVersion());
    if (request.branch() != null) {
      body.put("branch", request.branch());
    }
    if (!request.tags().isEmpty()) {
      ArrayNode tags = body.putArray("tags");
      request.tags().forEach(tags::add);
    }
    if (request.buildUrl() != null) {
      body.put("buildUrl", request.buildUrl());
    }
    ArrayNode contracts = body.putArray("contracts");
    for (Contract contract : request.contracts()) {
      contracts.addObject()
          .put("consumerName", contract.consumer())
          .put("providerName", contract.provider())
          .put("specification", "pact")
          .put("contentType", "application/json")
          .put("content", Base64.getEncoder().encodeToString(contract.content()))
          .put("onConflict", request.merge() ? "merge" : "overwrite");
    }
    Answer response = send("POST", url, body.toString(), request, "publish");
    List<String> messages = new ArrayList<>();
    for (JsonNode log : json(response, "the publish answer").path("logs")) {
      messages.add(log.path("message").asText());
    }
    return new PublishResult("contracts/publish", messages);
  }

  private PublishResult publishByPut(PublishRequest request) {
    List<String> messages = new ArrayList<>();
    String consumer = segment(request.consumer());
    String version = segment(request.consumerVersion());
    if (request.branch() != null) {
      URI url = base.resolve("pacticipants/" + consumer + "/branches/" + segment(request.branch()) + "/versions/" + version);
      send("PUT", url, "{}", request, "record branch " + request.branch());
      messages.add("Recorded branch " + request.branch() + " for " + request.consumer() + " version " + request.consumerVersion());
    }
    for (String tag : request.tags()) {
      messages.add(tag(request.consumer(), request.consumerVersion(), tag));
    }
    for (Contract contract : request.contracts()) {
      URI url = base.resolve("pacts/provider/" + segment(contract.provider()) + "/consumer/" + consumer + "/version/" + version);
      send(request.merge() ? "PATCH" : "PUT", url, new String(contract.content(), StandardCharsets.UTF_8), request,
          "publish the pact with " + contract.provider());
      messages.add("Published the pact of " + contract.consumer() + " version " + request.consumerVersion()
          + " with " + contract.provider());
    }
    return new PublishResult("put", messages);
  }

  /** Tags a pacticipant version ({@code PUT /pacticipants/C/versions/V/tags/T}); returns what was done. */
  public String tag(String pacticipant, String version, String tag) {
    URI url = base.resolve("pacticipants/" + segment(pacticipant) + "/versions/" + segment(version) + "/tags/" + segment(tag));
    send("PUT", url, "{}", null, "tag " + pacticipant + " version " + version + " with " + tag);
    return "Tagged " + pacticipant + " version " + version + " with " + tag;
  }

  /**
   * The consumer's latest pact with the provider on {@code branch}: tries
   * {@code /pacts/provider/P/consumer/C/branch/B/latest}, then {@code .../branch/B/latest-version},
   * then the tag of the same name ({@code .../latest/B}, older brokers); empty when none exists.
   */
  public Optional<String> latestPact(String provider, String consumer, String branch) {
    String prefix = "pacts/provider/" + segment(provider) + "/consumer/" + segment(consumer);
    for (String candidate : List.of(
        prefix + "/branch/" + segment(branch) + "/latest",
        prefix + "/branch/" + segment(branch) + "/latest-version",
        prefix + "/latest/" + segment(branch))) {
      Answer response = sendAllowing404("GET", base.resolve(candidate), "fetch the latest pact of " + consumer + " on " + branch);
      if (response.statusCode() != 404) {
        return Optional.of(response.body());
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- provider side and deploy gate

  /**
   * The pacts the provider must verify ({@code POST pb:provider-pacts-for-verification}), each
   * fetched in full. {@code selectors} are consumer version selectors as JSON objects, e.g.
   * {@code {"mainBranch": true}} and {@code {"deployedOrReleased": true}}.
   */
  public List<PactForVerification> pactsForVerification(
      String provider, List<ObjectNode> selectors, String providerBranch, boolean includePending) {
    JsonNode index = index();
    URI url = templated(index, "pb:provider-pacts-for-verification", "{provider}", provider)
        .orElse(base.resolve("pacts/provider/" + segment(provider) + "/for-verification"));
    ObjectNode body = JSON.createObjectNode();
    ArrayNode selectorArray = body.putArray("consumerVersionSelectors");
    selectors.forEach(selectorArray::add);
    if (providerBranch != null) {
      body.put("providerVersionBranch", providerBranch);
    }
    body.put("includePendingStatus", includePending);
    JsonNode answer = json(send("POST", url, body.toString(), null, "list the pacts " + provider + " must verify"),
        "the pacts for verification");
    List<PactForVerification> pacts = new ArrayList<>();
    for (JsonNode entry : answer.path("_embedded").path("pacts")) {
      URI self = base.resolve(stripLeadingSlash(entry.path("_links").path("self").path("href").asText()));
      Answer pact = send("GET", self, null, null, "fetch the pact " + self);
      JsonNode pactJson = json(pact, "the pact " + self);
      List<String> notices = new ArrayList<>();
      entry.path("verificationProperties").path("notices").forEach(n -> notices.add(n.path("text").asText()));
      JsonNode links = pactJson.path("_links");
      JsonNode version = links.path("pb:consumer-version");
      String results = links.path("pb:publish-verification-results").path("href").asText(null);
      pacts.add(new PactForVerification(
          pactJson.path("consumer").path("name").asText(),
          version.path("name").asText(null),
          pact.body(),
          results == null ? null : base.resolve(stripLeadingSlash(results)),
          entry.path("verificationProperties").path("pending").asBoolean(false),
          notices));
    }
    return pacts;
  }

  /** Publishes one verification result to a pact's {@code pb:publish-verification-results} URL. */
  public void publishVerificationResult(URI url, boolean success, String providerVersion, String providerBranch, String buildUrl) {
    ObjectNode body = JSON.createObjectNode();
    body.put("success", success);
    body.put("providerApplicationVersion", providerVersion);
    if (providerBranch != null) {
      body.put("providerVersionBranch", providerBranch);
    }
    if (buildUrl != null) {
      body.put("buildUrl", buildUrl);
    }
    send("POST", url, body.toString(), null, "publish a verification result");
  }

  /** Records a pacticipant version's branch ({@code PUT /pacticipants/P/branches/B/versions/V}). */
  public void recordBranch(String pacticipant, String version, String branch) {
    URI url = base.resolve("pacticipants/" + segment(pacticipant) + "/branches/" + segment(branch) + "/versions/" + segment(version));
    send("PUT", url, "{}", null, "record branch " + branch + " of " + pacticipant + " " + version);
  }

  /** Asks whether {@code pacticipant} {@code version} can be deployed to {@code environment}. */
  public DeployVerdict canIDeploy(String pacticipant, String version, String environment) {
    return canIDeploy(List.of(DeploySelector.version(pacticipant, version)), environment);
  }

  /**
   * Asks the broker's matrix ({@code GET /matrix?q[][pacticipant]=…&latestby=…&environment=…}, as
   * the official clients do) whether the selected versions can be deployed to {@code environment}
   * together.
   */
  public DeployVerdict canIDeploy(List<DeploySelector> selectors, String environment) {
    if (selectors.isEmpty()) {
      throw new IllegalArgumentException("can-i-deploy needs at least one pacticipant");
    }
    StringBuilder q = new StringBuilder("matrix?");
    for (DeploySelector s : selectors) {
      q.append("q[][pacticipant]=").append(query(s.pacticipant()));
      if (s.version() != null) {
        q.append("&q[][version]=").append(query(s.version()));
      }
      if (s.branch() != null) {
        q.append("&q[][branch]=").append(query(s.branch()));
      }
      if (s.latest()) {
        q.append("&q[][latest]=true");
      }
      q.append('&');
    }
    q.append("latestby=").append(selectors.size() == 1 ? "cvp" : "cvpv").append("&environment=").append(query(environment));
    String what = "ask can-i-deploy for " + selectors.stream().map(DeploySelector::toString).collect(java.util.stream.Collectors.joining(", "));
    URI url = base.resolve(q.toString().replace("[", "%5B").replace("]", "%5D"));
    Answer response = send("GET", url, null, null, what);
    JsonNode answer = json(response, "can-i-deploy");
    JsonNode summary = answer.path("summary");
    JsonNode deployable = summary.path("deployable");
    List<String> rows = new ArrayList<>();
    for (JsonNode row : answer.path("matrix")) {
      JsonNode verification = row.path("verificationResult");
      String result = verification.isMissingNode() || verification.isNull() ? "unverified"
          : verification.path("success").asBoolean() ? "verified" : "failed";
      rows.add(row.path("consumer").path("name").asText() + " " + row.path("consumer").path("version").path("number").asText()
          + " → " + row.path("provider").path("name").asText() + " "
          + row.path("provider").path("version").path("number").asText("(none)") + ": " + result);
    }
    return new DeployVerdict(deployable.isBoolean() ? deployable.asBoolean() : null, summary.path("reason").asText(""), rows,
        response.body());
  }

  /** The uuid of the environment named {@code name}, creating it when the broker has none. */
  public String environment(String name, boolean production) {
    Optional<String> existing = environmentUuid(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    return createEnvironment(new BrokerEnvironment(null, name, null, production)).uuid();
  }

  /** Creates an environment; refuses (409) when one of that name exists. Returns it as the broker stored it. */
  public BrokerEnvironment createEnvironment(BrokerEnvironment environment) {
    if (environmentUuid(environment.name()).isPresent()) {
      throw new BrokerException("The broker at " + base + " already has an environment named " + environment.name()
          + ". Pick another name, or use the existing one as it is (the broker lists its environments).", 409);
    }
    ObjectNode body = JSON.createObjectNode().put("name", environment.name()).put("production", environment.production());
    if (environment.displayName() != null) {
      body.put("displayName", environment.displayName());
    }
    return BrokerEnvironment.of(json(send("POST", base.resolve("environments"), body.toString(), null,
        "create environment " + environment.name()), "the environment"));
  }

  /** Every environment of the broker, sorted by name. */
  public List<BrokerEnvironment> environments() {
    JsonNode list = json(send("GET", base.resolve("environments"), null, null, "list environments"), "the environments");
    List<BrokerEnvironment> environments = new ArrayList<>();
    list.path("_embedded").path("environments").forEach(e -> environments.add(BrokerEnvironment.of(e)));
    environments.sort(java.util.Comparator.comparing(BrokerEnvironment::name));
    return environments;
  }

  /** Records that {@code pacticipant} {@code version} is now deployed to {@code environment} (replacing the previous one). */
  public void recordDeployment(String pacticipant, String version, String environment) {
    send("POST", placements(pacticipant, version, environment, "deployed-versions"), "{}", null,
        "record the deployment of " + pacticipant + " " + version + " to " + environment);
  }

  /** Records that {@code pacticipant} {@code version} is released to {@code environment} (alongside earlier releases). */
  public void recordRelease(String pacticipant, String version, String environment) {
    send("POST", placements(pacticipant, version, environment, "released-versions"), "{}", null,
        "record the release of " + pacticipant + " " + version + " to " + environment);
  }

  /**
   * Ends support of {@code pacticipant} {@code version}'s release in {@code environment} (PATCH
   * {@code currentlySupported: false} on each of its currently supported releases there); returns how
   * many it ended, refusing when there is none.
   */
  public int recordSupportEnded(String pacticipant, String version, String environment) {
    URI url = placements(pacticipant, version, environment, "released-versions");
    String what = "end support of " + pacticipant + " " + version + " in " + environment;
    int ended = 0;
    for (JsonNode release : json(send("GET", url, null, null, what), "the releases").path("_embedded").path("releasedVersions")) {
      if (release.path("currentlySupported").asBoolean(false)) {
        URI self = base.resolve(stripLeadingSlash(release.path("_links").path("self").path("href").asText()));
        send("PATCH", self, "{\"currentlySupported\":false}", null, what);
        ended++;
      }
    }
    if (ended == 0) {
      throw new BrokerException("The broker at " + base + " has no currently supported release of " + pacticipant + " " + version
          + " in " + environment + ". Record a release of it there first, or check the version and environment names.", 404);
    }
    return ended;
  }

  private URI placements(String pacticipant, String version, String environment, String kind) {
    String uuid = environmentUuid(environment).orElseThrow(() -> new BrokerException("The broker at " + base
        + " has no environment named " + environment + ". Create it first, or check the environment's name.", 404));
    return base.resolve("pacticipants/" + segment(pacticipant) + "/versions/" + segment(version)
        + "/" + kind + "/environment/" + segment(uuid));
  }

  /**
   * Publishes a provider version's GraphQL schema (SDL) to subpact's broker, which checks every
   * relevant consumer contract against it and records "verified by schema" results. Returns the
   * broker's answer ({@code verifiedBySchema}: consumer, consumerVersion, success, errors).
   */
  public JsonNode publishSchema(String provider, String version, String sdl) {
    URI url = base.resolve("pacticipants/" + segment(provider) + "/versions/" + segment(version) + "/graphql-schema");
    ObjectNode body = JSON.createObjectNode().put("sdl", sdl);
    return json(send("PUT", url, body.toString(), null, "publish the GraphQL schema of " + provider + " " + version
        + " (only subpact's broker knows GraphQL)"), "the schema check");
  }

  /**
   * The version of {@code pacticipant} currently deployed to {@code environment} (the most recent
   * deployment when several application instances run), or empty when none is.
   */
  public Optional<String> deployedVersion(String pacticipant, String environment) {
    String uuid = environmentUuid(environment).orElseThrow(() -> new BrokerException("The broker at " + base
        + " has no environment named " + environment + ".", 404));
    JsonNode answer = json(send("GET", base.resolve("environments/" + segment(uuid)
        + "/deployed-versions/currently-deployed?pacticipant=" + query(pacticipant)), null, null,
        "list the versions of " + pacticipant + " deployed to " + environment), "the deployed versions");
    String latest = null;
    String latestAt = "";
    for (JsonNode deployment : answer.path("_embedded").path("deployedVersions")) {
      String at = deployment.path("createdAt").asText("");
      if (latest == null || at.compareTo(latestAt) > 0) {
        latest = deployment.path("_embedded").path("version").path("number").asText(null);
        latestAt = at;
      }
    }
    return Optional.ofNullable(latest);
  }

  /** A version and the branch it is on. */
  public record BranchVersion(String branch, String version) {}

  /**
   * The latest version of {@code pacticipant} on its main branch (the pacticipant's {@code
   * mainBranch}, set explicitly or detected from its first develop/main/master version), or empty
   * when it has no main branch or no version on it.
   */
  public Optional<BranchVersion> latestOnMainBranch(String pacticipant) {
    Answer found = sendAllowing404("GET", base.resolve("pacticipants/" + segment(pacticipant)),
        "read pacticipant " + pacticipant);
    String branch = found.statusCode() == 404 ? null : json(found, "the pacticipant").path("mainBranch").asText(null);
    if (branch == null) {
      return Optional.empty();
    }
    Answer latest = sendAllowing404("GET", base.resolve("pacticipants/" + segment(pacticipant) + "/branches/"
        + segment(branch) + "/latest-version"), "read the latest version of " + pacticipant + " on " + branch);
    String version = latest.statusCode() == 404 ? null : json(latest, "the latest version").path("number").asText(null);
    return Optional.ofNullable(version).map(v -> new BranchVersion(branch, v));
  }

  /** The GraphQL schema (SDL) published for {@code provider} {@code version} (subpact's broker only). */
  public String schema(String provider, String version) {
    URI url = base.resolve("pacticipants/" + segment(provider) + "/versions/" + segment(version) + "/graphql-schema");
    return send("GET", url, null, null, "fetch the GraphQL schema of " + provider + " " + version
        + " (publish that schema to the broker first; only subpact's broker knows GraphQL)").body();
  }

  /** Sentences naming deprecated schema coordinates still used by consumer versions, and where they run. */
  public List<String> deprecatedUsage(String provider) {
    JsonNode answer = json(send("GET", base.resolve("graphql/deprecated-usage/" + segment(provider)), null, null,
        "list deprecated fields still in use (only subpact's broker knows GraphQL)"), "the deprecated usage");
    List<String> sentences = new ArrayList<>();
    answer.path("usages").forEach(u -> sentences.add(u.path("text").asText()));
    return sentences;
  }

  private Optional<String> environmentUuid(String name) {
    JsonNode list = json(send("GET", base.resolve("environments"), null, null, "list environments"), "the environments");
    for (JsonNode environment : list.path("_embedded").path("environments")) {
      if (name.equals(environment.path("name").asText())) {
        return Optional.of(environment.path("uuid").asText());
      }
    }
    return Optional.empty();
  }

  private Optional<URI> templated(JsonNode index, String relation, String placeholder, String value) {
    JsonNode href = index.path("_links").path(relation).path("href");
    return href.isTextual()
        ? Optional.of(base.resolve(stripLeadingSlash(href.asText().replace(placeholder, segment(value)))))
        : Optional.empty();
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- HTTP

  private Answer sendAllowing404(String method, URI url, String what) {
    return exchange(method, url, null, null, what, true);
  }

  private Answer send(String method, URI url, String body, PublishRequest request, String what) {
    return exchange(method, url, body, request, what, false);
  }

  private Answer exchange(String method, URI url, String body, PublishRequest request, String what, boolean allow404) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).header("Accept", HAL);
    headers.forEach(builder::header);
    auth.header().ifPresent(h -> builder.header("Authorization", h));
    if (body != null) {
      builder.header("Content-Type", "application/json");
      builder.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpRequest httpRequest = builder.build();
    Duration wait = backoff;
    for (int attempt = 1; ; attempt++) {
      try {
        Answer response = answer(http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream()), method, url);
        int status = response.statusCode();
        if (status >= 500 && attempt < attempts) {
          sleep(wait);
          wait = wait.multipliedBy(2);
          continue;
        }
        if (status < 300 || (allow404 && status == 404)) {
          return response;
        }
        throw refused(method, url, status, response.body(), request, what, attempt);
      } catch (IOException e) {
        if (attempt < attempts) {
          sleep(wait);
          wait = wait.multipliedBy(2);
          continue;
        }
        String why = e instanceof ConnectException ? "nothing answers there (connection refused)"
            : e instanceof HttpTimeoutException ? "it did not answer in time" : e.toString();
        throw new BrokerException("Cannot " + what + " at the broker " + base + ": " + why + " (after " + attempt
            + " attempt(s)). Check the broker's base URL and that the broker is running.", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrokerException("Interrupted while trying to " + what + " at " + base, e);
      }
    }
  }

  /** An answer of the broker: its status and its body, read up to subpact's input limit. */
  private record Answer(int statusCode, String body) {}

  /**
   * {@code response}'s body, read up to {@link InputLimits#maxBytes()} as every input is: a pact,
   * a schema or a list of them over the limit is refused, by its Content-Length when it has one,
   * else one byte past the limit, and never retried.
   */
  private Answer answer(HttpResponse<InputStream> response, String method, URI url) throws IOException {
    try (InputStream body = response.body()) {
      byte[] bytes = InputLimits.read("The answer of the broker at " + base + " to " + method + " " + url,
          response.headers().firstValueAsLong("Content-Length").orElse(-1), body,
          tooLarge -> new BrokerException(tooLarge, response.statusCode()));
      return new Answer(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
    }
  }

  private BrokerException refused(String method, URI url, int status, String body, PublishRequest request, String what, int attempts) {
    String said = brokerSays(body);
    String prefix = "The broker at " + base + " refused to " + what + " (" + method + " " + url.getRawPath() + " → " + status + ")";
    return switch (status) {
      case 401 -> new BrokerException(prefix + ": not authenticated. Give the broker's credentials: a user and password (basic auth) or a bearer token."
          + said, status);
      case 403 -> new BrokerException(prefix + ": these credentials may not do that. Use a token or user with "
          + "write access to the broker." + said, status);
      case 409 -> new BrokerException(prefix + ": " + (request == null ? "conflict" : request.consumer() + " version "
          + request.consumerVersion() + " already has a different contract") + ". A published version's contract must not change: "
          + "publish the new contract under a new consumer version (e.g. the new git sha)." + said, status);
      default -> new BrokerException(prefix + (status >= 500 ? " after " + attempts + " attempt(s)" : "") + "." + said, status);
    };
  }

  private static String brokerSays(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String text = body.strip().replaceAll("\\s+", " ");
    return " The broker said: " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
  }

  private JsonNode json(Answer response, String what) {
    try {
      JsonNode node = JSON.readTree(response.body());
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException e) {
      throw new BrokerException("The broker at " + base + " answered " + what + " with something that is not JSON: "
          + brokerSays(response.body()), e);
    }
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException("Interrupted while waiting to retry", e);
    }
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String stripLeadingSlash(String href) {
    return href.startsWith("/") ? href.substring(1) : href;
  }
}
