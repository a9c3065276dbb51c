package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dashboard's HTML without a browser: content negotiation of {@code /}, a {@code /doc} page
 * for every curied relation of the index, and golden files of the pages people read (dates and
 * the port normalised). Regenerate with {@code -Dsubpact.golden.update=true} and review the diff.
 */
class DashboardPagesTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden/dashboard");
  static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  static RunningBroker broker;

  @BeforeAll
  static void start() {
    broker = PactBroker.start(BrokerConfig.local(0, Engine.SQLITE.newDatabase()));
    DashboardBrowserTest.seed(broker);
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  static HttpResponse<String> get(String path, String accept) {
    try {
      return CLIENT.send(HttpRequest.newBuilder(URI.create(broker.url() + path)).header("Accept", accept).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @CsvSource({"application/hal+json", "application/json", "*/*"})
  void clientsGetTheHalIndex(String accept) {
    HttpResponse<String> index = get("/", accept);
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/hal+json"));
    assertThat(index.headers().firstValue("Vary")).hasValue("Accept");
    assertThat(Http.of(broker).get("/").json().path("_links").path("pb:latest-pact-versions").path("templated").asBoolean()).isFalse();
  }

  @Test
  void browsersGetTheDashboard() {
    HttpResponse<String> index = get("/", BROWSER_ACCEPT);
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(index.body()).startsWith("<!doctype html>").contains("<meta name=\"viewport\"").contains("id=\"integrations\"")
        .doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  void everyCuriedRelationHasADocPage() {
    JsonNode links = Http.of(broker).get("/").json().path("_links");
    String curie = links.path("curies").get(0).path("href").asText();
    int documented = 0;
    for (var names = links.fieldNames(); names.hasNext(); ) {
      String rel = names.next();
      if (!rel.startsWith("pb:")) {
        continue;
      }
      HttpResponse<String> doc = get(curie.replace("{rel}", rel.substring(3)).replace(broker.url(), ""), BROWSER_ACCEPT);
      assertThat(doc.statusCode()).as(rel).isEqualTo(200);
      assertThat(doc.body()).as(rel).contains("<h1>Relation " + rel + "</h1>");
      documented++;
    }
    assertThat(documented).isGreaterThan(20);
    assertThat(get("/doc/no-such-relation", BROWSER_ACCEPT).statusCode()).isEqualTo(404);
  }

  @Test
  void errorsAreJsonForClientsAndPagesForBrowsers() {
    HttpResponse<String> json = get("/dashboard/environments/nowhere", "application/hal+json");
    assertThat(json.statusCode()).isEqualTo(404);
    assertThat(json.body()).startsWith("{").contains("No environment named 'nowhere'");
    HttpResponse<String> page = get("/dashboard/environments/nowhere", BROWSER_ACCEPT);
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).startsWith("<!doctype html>").contains("<h1>Not found</h1>")
        .contains("<li>No environment named &#39;nowhere&#39;. Create it first (the Pact Broker client&#39;s create-environment).</li>");
  }

  @ParameterizedTest
  @CsvSource({
      "pact-adspy-80015.html, /dashboard/pacts/provider/flexus-backend/consumer/adspy/version/80015",
      "can-i-deploy-b2-production.html, /dashboard/can-i-deploy?pacticipant=flexus-backend&version=b2&environment=production",
      "deprecated-flexus-backend.html, /dashboard/deprecated?provider=flexus-backend",
      "graphql-flexus-backend.html, /dashboard/graphql/flexus-backend",
      "environment-production.html, /dashboard/environments/production"})
  void pagesMatchTheirGoldenFiles(String golden, String path) throws IOException {
    HttpResponse<String> page = get(path, BROWSER_ACCEPT);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    String main = normalise(page.body().substring(page.body().indexOf("<main"), page.body().indexOf("</main>") + 7));
    Path file = GOLDEN.resolve(golden);
    if (Boolean.getBoolean("subpact.golden.update")) {
      Files.writeString(file, main, StandardCharsets.UTF_8);
    }
    assertThat(main).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Dates and the port vary per run; one block element per line keeps the golden diffs readable. */
  static String normalise(String html) {
    return html.replaceAll("<time datetime=\"[^\"]+\">[^<]+</time>", "<time>DATE</time>")
        .replace(broker.url(), "http://BROKER")
        .replaceAll("(<(?:section|h[1-4]|p|ul|ol|li|dl|dt|table|tr|pre|form|div|nav)[ >])", "\n$1") + "\n";
  }
}
