package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Publication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's chromium and chromium-driver, headless), at desktop
 * width (1280 px) and phone width (390 px), with a screenshot of every view kept under
 * target/screenshots/ ({@code <view>-desktop.png}, {@code <view>-phone.png}).
 *
 * <p>The data retells the incident: adspy's contract is checked against three builds of
 * flexus-backend's schema (b1 before the rename, b2 renaming the fields adspy selects, b3 aliasing
 * them back as deprecated); adspy 80014 runs in production, 80015 in staging and heads main, 80013
 * runs nowhere.
 */
class DashboardBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/screenshots");
  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(390, 844);

  static RunningBroker broker;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    assertThat(CHROMIUM).as("Debian's chromium is needed: apt-get install -y chromium chromium-driver").exists();
    assertThat(CHROMEDRIVER).as("Debian's chromium-driver is needed: apt-get install -y chromium chromium-driver").exists();
    broker = PactBroker.start(BrokerConfig.local(0, Engine.SQLITE.newDatabase()));
    seed(broker);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  static void publish(Http http, String consumer, String version, String branch, String pactFile) {
    String content = Base64.getEncoder().encodeToString(
        GraphqlAwarenessTest.resource(pactFile).getBytes(StandardCharsets.UTF_8));
    Http.Response published = http.send("POST", "/contracts/publish", """
        {"pacticipantName":"%s","pacticipantVersionNumber":"%s","branch":"%s","contracts":[
          {"consumerName":"%s","providerName":"flexus-backend","specification":"pact",
           "contentType":"application/json","content":"%s"}]}""".formatted(consumer, version, branch, consumer, content));
    assertThat(published.status()).as(published.body()).isEqualTo(200);
  }

  static void schema(Http http, String build, String file) {
    Http.Response put = http.send("PUT", "/pacticipants/flexus-backend/versions/" + build + "/graphql-schema",
        GraphqlAwarenessTest.resource(file), "application/graphql");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }

  /** The incident's data (see the class comment), shared with {@link DashboardPagesTest}. */
  static void seed(RunningBroker broker) {
    Http http = Http.of(broker);
    Fixtures fixtures = new Fixtures(broker);
    Environment staging = fixtures.environment("5a0c3a52-8d7e-4c1c-9a55-000000000009", "staging");
    Http.Response created = http.send("POST", "/environments",
        "{\"name\":\"production\",\"displayName\":\"Production\",\"production\":true}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Environment production = new Environment(created.json().path("uuid").asText(), "production", "Production", true, null, null);
    publish(http, "adspy", "80013", "main", "adspy-flexus-backend.json");
    publish(http, "adspy", "80014", "main", "adspy-flexus-backend.json");
    publish(http, "karen", "k1", "main", "karen-flexus-backend.json");
    schema(http, "b1", "before-rename.graphql");
    fixtures.deploy("adspy", "80014", production, null);
    schema(http, "b2", "renamed.graphql");
    publish(http, "adspy", "80015", "main", "adspy-flexus-backend.json");
    fixtures.deploy("adspy", "80015", staging, null);
    schema(http, "b3", "aliased.graphql");
    Publication failing = fixtures.pact("karen", "1.2.3", "threads-api");
    fixtures.verify(failing, "t-1", false);
    fixtures.verify(failing, "t-1", false);
    fixtures.pact("bob", "7", "threads-api");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (broker != null) {
      broker.close();
    }
  }

  static void open(String path) {
    browser.get(broker.url() + path);
  }

  static void shot(String name) throws Exception {
    boolean phone = browser.manage().window().getSize().getWidth() < 600;
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
        SCREENSHOTS.resolve(name + (phone ? "-phone" : "-desktop") + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  static String main() {
    return browser.findElement(By.tagName("main")).getText();
  }

  static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  @Test
  void rootIsTheDashboardForBrowsersAndTheHalIndexForClients() throws Exception {
    open("/");
    shot("integrations");
    assertThat(browser.getTitle()).startsWith("Integrations");
    assertThat(browser.findElement(By.cssSelector("meta[name=viewport]")).getAttribute("content"))
        .isEqualTo("width=device-width, initial-scale=1");
    Http.Response hal = Http.of(broker).get("/");
    assertThat(hal.status()).isEqualTo(200);
    assertThat(hal.json().path("_links").path("pb:pacticipants").path("href").asText()).endsWith("/pacticipants");

    List<WebElement> rows = browser.findElements(By.cssSelector("#integrations tr"));
    assertThat(rows).hasSize(5);
    for (WebElement row : rows.subList(1, rows.size())) {
      assertThat(row.findElements(By.cssSelector("td:nth-child(-n+3) a"))).as(row.getText()).hasSize(3);
    }
    assertThat(text("integrations")).contains("verified by schema by b3").contains("failed by t-1").contains("not verified")
        .containsPattern("\\d{1,2} [A-Z][a-z]+ \\d{4} at \\d\\d:\\d\\d UTC");
    WebElement failed = browser.findElement(By.cssSelector("td[data-status=failed]"));
    assertThat(failed.getCssValue("background-color")).isEqualTo("rgba(255, 235, 233, 1)");
    assertThat(failed.findElement(By.className("pending")).getText()).isEqualTo("pending");
    assertThat(text("environments")).contains("production (production)").contains("staging");
  }

  @Test
  void pacticipantVersionBranchAndEnvironmentArePagesReachedByLinks() throws Exception {
    open("/");
    browser.findElement(By.cssSelector("#pacticipants")).findElement(By.linkText("adspy")).click();
    shot("pacticipant");
    assertThat(text("versions")).contains("80015").contains("80013").contains("deployed in staging")
        .contains("deployed in production");
    browser.findElement(By.cssSelector("dl")).findElement(By.linkText("main")).click();
    assertThat(browser.getTitle()).startsWith("adspy branch main");
    assertThat(browser.findElements(By.cssSelector("#versions tr"))).hasSize(4);
    browser.findElement(By.linkText("80014")).click();
    shot("version");
    assertThat(text("pacts")).contains("pact with flexus-backend");
    browser.findElement(By.cssSelector("main dl")).findElement(By.linkText("production")).click();
    shot("environment");
    assertThat(text("running")).contains("adspy").contains("80014").contains("deployed");
  }

  @Test
  void pactPageDocumentsEveryOperation() throws Exception {
    open("/");
    browser.findElement(By.linkText("80015")).click();
    shot("pact");
    List<WebElement> operations = browser.findElements(By.cssSelector("section.op"));
    assertThat(operations).hasSizeGreaterThan(1);
    assertThat(browser.findElements(By.cssSelector("#toc li"))).hasSize(operations.size());
    String page = main();
    assertThat(page).contains("KarenThreads subscription").contains("emessage_id").contains("DeleteEmessages")
        .contains("Transport").contains("WebSocket").contains("Provider states").contains("Expected message 1 of")
        .contains("any value of the example's type");
    assertThat(text("history")).contains("b1").contains("b2").contains("b3").contains("against the published GraphQL schema");
    assertThat(browser.findElements(By.xpath("//table[@id='history']//tr[td[@class='failed']]/td[1]")).stream()
        .map(WebElement::getText)).as("only the renaming build b2 failed it").isNotEmpty().containsOnly("b2");
    String raw = browser.findElement(By.id("raw")).getAttribute("href");
    assertThat(Http.of(broker).get(raw).json().path("consumer").path("name").asText()).isEqualTo("adspy");
  }

  @Test
  void matrixAndCanIDeployPickFromTheDataAndShowOneRowPerPair() throws Exception {
    open("/dashboard/matrix");
    List<String> pacticipants = browser.findElements(By.cssSelector("select[name=pacticipant] option")).stream()
        .map(WebElement::getText).toList();
    assertThat(pacticipants).containsExactly("adspy", "bob", "flexus-backend", "karen", "threads-api");
    assertThat(browser.findElements(By.cssSelector("select[name=environment] option")).stream().map(WebElement::getText))
        .containsExactly("(any)", "production", "staging");
    open("/dashboard/matrix?pacticipant=karen&version=1.2.3");
    shot("matrix");
    List<WebElement> rows = browser.findElements(By.cssSelector("#matrix tr"));
    assertThat(rows).as("karen 1.2.3 was verified twice by t-1: one row").hasSize(2);
    assertThat(rows.get(1).getText()).contains("karen").contains("1.2.3").contains("threads-api").contains("t-1").contains("failed");
    open("/dashboard/matrix?pacticipant=adspy&version=80015");
    Set<String> seen = new HashSet<>();
    for (WebElement row : browser.findElements(By.cssSelector("#matrix tr"))) {
      assertThat(seen.add(row.getText())).as("duplicate row " + row.getText()).isTrue();
    }
    assertThat(text("matrix")).contains("main").contains("deployed in staging").containsPattern("[A-Z][a-z]+ \\d{4} at");

    open("/dashboard/can-i-deploy?pacticipant=flexus-backend&version=b3&environment=production");
    shot("can-i-deploy");
    assertThat(text("answer")).startsWith("Yes");
    assertThat(browser.findElements(By.cssSelector("#reasons li"))).isNotEmpty();
    open("/dashboard/can-i-deploy?pacticipant=flexus-backend&version=b2&environment=production");
    assertThat(text("answer")).startsWith("No");
    assertThat(browser.findElement(By.cssSelector("select[name=version] option[selected]")).getText()).isEqualTo("b2");
  }

  @Test
  void graphqlHeatMapTimelineFieldUsageAndDeprecated() throws Exception {
    open("/dashboard/graphql");
    browser.findElement(By.linkText("flexus-backend")).click();
    shot("graphql");
    assertThat(browser.findElements(By.cssSelector("#heat-map td[data-consumer=adspy][data-where]")).stream()
        .map(td -> td.getAttribute("data-where"))).as("adspy 80014 runs in production").isNotEmpty().containsOnly("production");
    assertThat(browser.findElements(By.cssSelector("#heat-map td[data-consumer=karen][data-where]")).stream()
        .map(td -> td.getAttribute("data-where"))).as("karen k1 only heads main").isNotEmpty().containsOnly("main");
    assertThat(browser.findElement(By.cssSelector("#heat-map td[data-consumer=adspy][data-where]")).getCssValue("background-color"))
        .isEqualTo("rgba(164, 14, 38, 1)");
    assertThat(text("heat-map")).contains("FExternalMessageOutput.emessage_id †");

    browser.executeScript("document.getElementById('timeline').scrollIntoView()");
    shot("timeline");
    List<WebElement> timeline = browser.findElements(By.cssSelector("#timeline tr"));
    assertThat(timeline).hasSize(5);
    assertThat(timeline.get(0).getText()).contains("b1").contains("b2").contains("b3");
    WebElement adspy80014 = browser.findElement(By.xpath("//table[@id='timeline']//tr[th//a[text()='80014']]"));
    assertThat(adspy80014.findElements(By.cssSelector("td[data-verdict]")).stream().map(td -> td.getAttribute("data-verdict")))
        .containsExactly("verified", "failed", "verified");
    assertThat(adspy80014.getText()).contains("deployed in production");

    open("/dashboard/field-usage?coordinate=FExternalMessageOutput.emessage_id");
    shot("field-usage");
    List<WebElement> usages = browser.findElements(By.cssSelector("#usages tr"));
    assertThat(usages).hasSizeGreaterThan(1);
    for (WebElement row : usages.subList(1, usages.size())) {
      assertThat(row.findElement(By.cssSelector("td:last-child")).getText()).as(row.getText()).isNotBlank();
    }
    assertThat(text("usages")).contains("deployed in production").contains("deployed in staging")
        .contains("head of the main branch").doesNotContain("80013");
    assertThat(main()).doesNotContain("`");

    open("/dashboard/deprecated");
    assertThat(browser.findElements(By.cssSelector("select[name=provider] option")).stream().map(WebElement::getText))
        .containsExactly("flexus-backend");
    open("/dashboard/deprecated?provider=flexus-backend");
    shot("deprecated");
    assertThat(text("usages")).contains("FExternalMessageOutput.emessage_id").contains("80014").contains("deployed in production")
        .contains("80015").contains("deployed in staging").doesNotContain("80013");
    assertThat(main()).doesNotContain("`");
    assertThat(browser.findElements(By.cssSelector(".note"))).isEmpty();
  }

  @Test
  void halBrowserFollowsLinksAndCuriesAreDocumented() throws Exception {
    open("/dashboard/hal-browser");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(d -> d.findElements(By.cssSelector("#hal-links tr")).size() > 10);
    shot("hal-browser");
    assertThat(text("hal-links")).contains("pb:pacticipants").contains("curies");
    browser.findElement(By.xpath("//table[@id='hal-links']//tr[td[1]/a[text()='pb:pacticipants']]/td[3]/a")).click();
    wait.until(d -> d.findElement(By.id("hal-status")).getText().contains("/pacticipants → 200"));
    assertThat(text("hal-body")).contains("\"adspy\"");
    open("/dashboard/hal-browser");
    wait.until(d -> d.findElements(By.cssSelector("#hal-links tr")).size() > 10);
    WebElement template = browser.findElement(By.xpath("//table[@id='hal-links']//tr[td[1]/a[text()='pb:pacticipant']]/td[3]/form"));
    template.findElement(By.name("pacticipant")).sendKeys("karen");
    template.findElement(By.tagName("button")).click();
    wait.until(d -> d.findElement(By.id("hal-status")).getText().contains("/pacticipants/karen → 200"));
    assertThat(text("hal-body")).contains("\"name\": \"karen\"");
    open("/dashboard/hal-browser");
    wait.until(d -> d.findElements(By.cssSelector("#hal-links tr")).size() > 10);
    browser.findElement(By.linkText("pb:latest-version")).click();
    assertThat(browser.getTitle()).startsWith("Relation pb:latest-version");

    String curie = Http.of(broker).get("/").json().path("_links").path("curies").get(0).path("href").asText();
    Http.Response doc = Http.of(broker).get(curie.replace("{rel}", "pacticipants"));
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.body()).contains("<h1>Relation pb:pacticipants</h1>").contains("Pacticipants");
    open("/doc/publish-pact?context=index");
    assertThat(main()).contains("Publish a pact").contains("/pacts/provider/{provider}/consumer/{consumer}/version/");
  }

  @Test
  void errorsArePagesForBrowsersAndJsonForClients() throws Exception {
    open("/dashboard/pacticipants/nobody");
    shot("error");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
    assertThat(text("errors")).isEqualTo("No pacticipant named 'nobody'.");
    open("/no/such/page");
    assertThat(text("errors")).contains("GET /no/such/page not found");
    Http.Response json = Http.of(broker).get("/pacticipants/nobody");
    assertThat(json.status()).isEqualTo(404);
    assertThat(json.json().path("error").asText()).isEqualTo("No pacticipant named 'nobody'.");
    open("/dashboard/matrix?pacticipant=adspy&version=80015&offset=x");
    open("/dashboard/pacticipants/adspy?offset=x");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Error 400");
    assertThat(text("errors")).contains("offset must be a whole number");
  }

  /**
   * Every form control has a label, and every text the views colour keeps a WCAG AA contrast
   * (4.5:1) against the background it is drawn on, as the browser computes both.
   */
  @Test
  void controlsAreLabelledAndColouredTextIsReadable() {
    String contrast = """
        function rgb(c) { return c.match(/[\\d.]+/g).map(Number); }
        function background(e) {
          for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length < 4 || c[3] > 0) return c; }
          return [255, 255, 255];
        }
        function lum(c) { const v = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
          return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }
        const worst = [];
        let checked = 0;
        for (const e of document.querySelectorAll(arguments[0])) {
          if (!e.innerText.trim()) continue;
          checked++;
          const a = lum(rgb(getComputedStyle(e).color)), b = lum(background(e));
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < 4.5) worst.push(e.className + ' "' + e.innerText.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
        }
        return checked ? worst : ['nothing coloured was found'];""";
    String coloured = "header a, main a, td.ok, td.failed, td.unknown, .pending, .where-production, .where-environment,"
        + " .where-main, #answer, th, .note, label, button";
    String unlabelled = """
        return [...document.querySelectorAll('select, input, button')].filter(e =>
          !(e.closest('label') || e.getAttribute('aria-label') || e.innerText.trim())).map(e => e.outerHTML);""";
    for (String path : List.of("/", "/dashboard/graphql/flexus-backend", "/dashboard/can-i-deploy?pacticipant=flexus-backend"
        + "&version=b2&environment=production", "/dashboard/field-usage", "/dashboard/hal-browser",
        "/dashboard/pacts/provider/threads-api/consumer/karen/version/1.2.3")) {
      open(path);
      assertThat((List<?>) browser.executeScript(contrast, coloured)).as("low contrast on " + path).isEmpty();
      assertThat((List<?>) browser.executeScript(unlabelled)).as("unlabelled controls on " + path).isEmpty();
    }
  }

  @Test
  void phoneWidthFitsWithoutSidewaysScrolling() throws Exception {
    browser.manage().window().setSize(PHONE);
    try {
      for (String[] view : List.of(new String[] {"/", "integrations"},
          new String[] {"/dashboard/pacts/provider/flexus-backend/consumer/adspy/version/80015", "pact"},
          new String[] {"/dashboard/matrix?pacticipant=adspy&version=80015", "matrix"},
          new String[] {"/dashboard/can-i-deploy?pacticipant=flexus-backend&version=b2&environment=production", "can-i-deploy"},
          new String[] {"/dashboard/graphql/flexus-backend", "graphql"},
          new String[] {"/dashboard/deprecated?provider=flexus-backend", "deprecated"})) {
        open(view[0]);
        shot(view[1]);
        Number page = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number viewport = (Number) browser.executeScript("return window.innerWidth");
        assertThat(page.intValue()).as(view[0] + " is wider than the phone").isLessThanOrEqualTo(viewport.intValue());
      }
      WebElement nav = browser.findElement(By.cssSelector("header nav"));
      assertThat(nav.getSize().getWidth()).isLessThanOrEqualTo(390);
    } finally {
      browser.manage().window().setSize(DESKTOP);
    }
  }

  @Test
  void badgeIsAnSvgMadeLocally() {
    Http.Response badge = Http.of(broker).get("/pacts/provider/threads-api/consumer/karen/latest/badge.svg");
    assertThat(badge.status()).isEqualTo(200);
    assertThat(badge.body()).startsWith("<svg").contains("failed").doesNotContain("http://img").doesNotContain("https://");
  }
}
