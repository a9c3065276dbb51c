package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.broker.storage.Environment;
import dev.subpact.broker.storage.Publication;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in a real browser (Debian's chromium and chromium-driver, headless), with a
 * screenshot of every view kept under target/screenshots/.
 */
class DashboardBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  static RunningBroker broker;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    assertThat(CHROMIUM).as("Debian's chromium is needed: apt-get install -y chromium chromium-driver").exists();
    assertThat(CHROMEDRIVER).as("Debian's chromium-driver is needed: apt-get install -y chromium chromium-driver").exists();
    broker = PactBroker.start(BrokerConfig.local(0, Engine.SQLITE.newDatabase()));
    seed();
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

  static void seed() {
    Http http = Http.of(broker);
    Fixtures fixtures = new Fixtures(broker);
    Environment staging = fixtures.environment("5a0c3a52-8d7e-4c1c-9a55-000000000009", "staging");
    String content = Base64.getEncoder().encodeToString(
        GraphqlAwarenessTest.resource("adspy-flexus-backend.json").getBytes(StandardCharsets.UTF_8));
    http.send("POST", "/contracts/publish", """
        {"pacticipantName":"adspy","pacticipantVersionNumber":"80015","branch":"main","contracts":[
          {"consumerName":"adspy","providerName":"flexus-backend","specification":"pact",
           "contentType":"application/json","content":"%s"}]}""".formatted(content));
    fixtures.deploy("adspy", "80015", staging, null);
    http.send("PUT", "/pacticipants/flexus-backend/versions/b3/graphql-schema",
        GraphqlAwarenessTest.resource("aliased.graphql"), "application/graphql");
    Publication failing = fixtures.pact("karen", "1.2.3", "threads-api");
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

  static void open(String path, String screenshot) throws Exception {
    browser.get(broker.url() + path);
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(screenshot + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void integrationsShowStatusColouredWithPendingMarked() throws Exception {
    open("/dashboard", "integrations");
    List<WebElement> rows = browser.findElements(By.cssSelector("#integrations tr"));
    assertThat(rows).hasSize(4);
    String table = browser.findElement(By.id("integrations")).getText();
    assertThat(table).contains("adspy").contains("flexus-backend").contains("verified by schema by b3")
        .contains("karen").contains("failed by t-1").contains("bob").contains("not verified");
    WebElement failed = browser.findElement(By.cssSelector("td[data-status=failed]"));
    assertThat(failed.getCssValue("background-color")).isEqualTo("rgba(255, 235, 233, 1)");
    assertThat(failed.findElement(By.className("pending")).getText()).isEqualTo("pending");
    assertThat(browser.findElement(By.cssSelector("td[data-status=ok]")).getCssValue("background-color"))
        .isEqualTo("rgba(218, 251, 225, 1)");
  }

  @Test
  void pactPageRendersEachGraphqlOperation() throws Exception {
    open("/dashboard", "integrations-before-click");
    browser.findElement(By.linkText("80015")).click();
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve("pact-adspy.png"),
        StandardCopyOption.REPLACE_EXISTING);
    List<WebElement> operations = browser.findElements(By.cssSelector("section.op"));
    assertThat(operations).isNotEmpty();
    String page = browser.findElement(By.tagName("main")).getText();
    assertThat(page).contains("KarenThreads subscription").contains("emessage_id").contains("DeleteEmessages");
  }

  @Test
  void canIDeployFieldUsageAndDeprecatedViews() throws Exception {
    open("/dashboard/can-i-deploy?pacticipant=flexus-backend&version=b3&environment=staging", "can-i-deploy");
    assertThat(browser.findElement(By.id("answer")).getText()).startsWith("Yes");

    open("/dashboard/field-usage?coordinate=FExternalMessageOutput.emessage_id", "field-usage");
    assertThat(browser.findElement(By.id("usages")).getText()).contains("adspy").contains("80015").contains("staging");

    open("/dashboard/deprecated?provider=flexus-backend", "deprecated");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("`FExternalMessageOutput.emessage_id` is deprecated and still used by adspy 80015 in staging");

    open("/dashboard/matrix?pacticipant=karen", "matrix");
    assertThat(browser.findElement(By.id("matrix")).getText()).contains("karen").contains("t-1").contains("failed");
  }

  @Test
  void badgeIsAnSvgMadeLocally() {
    Http.Response badge = Http.of(broker).get("/pacts/provider/threads-api/consumer/karen/latest/badge.svg");
    assertThat(badge.status()).isEqualTo(200);
    assertThat(badge.body()).startsWith("<svg").contains("failed").doesNotContain("http://img").doesNotContain("https://");
  }
}
