package dev.subpact.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's persona flows run as written: the {@code bash} blocks under "I run the broker", "I
 * own a bot" and "I own the backend" are read from README.md at test time and run with bash (as CI
 * shells run them: {@code -e}, the first failing command ends the job) against the shipped jar. Only
 * the README's placeholders are replaced, each asserted to be there: the broker's URL, the backend's
 * port, and the {@code docker run} of the built bot (the Python bot stand-in on Debian's
 * python3-websockets). The broker and the reference backend are real processes on 127.0.0.1.
 */
class ReadmeFlowsTest {

  private static final Path README = LauncherTest.ROOT.resolve("README.md");
  private static final Path CKIT = LauncherTest.ROOT.resolve("incident/src/main/resources/dev/subpact/incident/ckit");
  private static final Path SCHEMAS = LauncherTest.ROOT.resolve("incident/src/main/resources/dev/subpact/backend/schemas");
  private static final Path BOT = LauncherTest.ROOT.resolve("consumer-contracts/src/test/python/karen_bot.py");

  @TempDir Path dir;
  private RunningProcess broker;
  private String brokerUrl;

  @BeforeEach
  void startTheBroker() throws Exception {
    broker = RunningProcess.start(List.of(LauncherTest.javaBinary(), "-jar", LauncherTest.JAR.toString(),
        "broker", "--port", "0", "--database", "sqlite:" + dir.resolve("broker.db")));
    brokerUrl = broker.await("listening on (http://127\\.0\\.0\\.1:\\d+)", Duration.ofSeconds(60));
  }

  @AfterEach
  void stopTheBroker() throws InterruptedException {
    broker.close();
  }

  @Test
  void theBrokerBotAndBackendFlowsWorkAsWritten() throws Exception {
    Run environments = run(workspace("broker"), blocks("I run the broker").get(1), Map.of("http://127.0.0.1:9292", brokerUrl), Map.of());
    assertThat(environments.exit()).as("%s", environments).isZero();
    assertThat(environments.output()).contains("Created environment staging with UUID ")
        .containsPattern("(?m)^staging\\s+Staging\\s+no\\s+[0-9a-f-]{36}$");

    // the incident's karen 20045 (the client kit before the rename) is captured and published; no
    // flexus-backend runs in staging yet, so can-i-deploy says no and the bot pipeline stops there
    Run botFlow = botFlow("bot-1");
    assertThat(botFlow.exit()).as("%s", botFlow).isEqualTo(1);
    assertThat(botFlow.output()).contains("subpact capture: listening on http://127.0.0.1:")
        .contains("Recorded 2 operation(s), 2 distinct:")
        .contains("Published to " + brokerUrl)
        .contains("can-i-deploy karen 20045 to staging: no — There is no verified pact between karen (20045) and a version of flexus-backend currently in staging.")
        .doesNotContain("bot-secret-key");

    // the renamed backend build stops at the static check: nothing verified, nothing deployed
    Run renamed = backendFlow("renamed");
    assertThat(renamed.exit()).as("%s", renamed).isEqualTo(1);
    assertThat(LauncherTest.unwrapped(renamed.output()))
        .contains("Fetched 1 pact(s) flexus-backend must verify into pacts.")
        .contains("8 errors UNKNOWN_FIELD at 114:7 8 fields of FExternalMessageOutput renamed emessage_* → emsg_*: emessage_id,")
        .doesNotContain("published:")
        .doesNotContain("as deployed to staging");

    // the aliased build passes check and live replay, publishes its results, and deploys
    Run aliased = backendFlow("aliased");
    assertThat(aliased.exit()).as("%s", aliased).isZero();
    assertThat(aliased.output())
        .contains("outcome: accepted")
        .contains("published: karen 20045 verified by sha-aliased")
        .contains("can-i-deploy flexus-backend sha-aliased to staging: yes")
        .contains("Recorded flexus-backend sha-aliased as deployed to staging.")
        .doesNotContain("<html");

    // the bot pipeline run again: the same build captures the same contract, now verified
    Run again = botFlow("bot-2");
    assertThat(again.exit()).as("%s", again).isZero();
    assertThat(again.output()).contains("karen 20045 → flexus-backend sha-aliased: verified")
        .contains("can-i-deploy karen 20045 to staging: yes");
  }

  private Run botFlow(String workspace) throws Exception {
    Path here = workspace(workspace);
    Files.copy(SCHEMAS.resolve("before-rename.graphql"), here.resolve("deployed-schema.graphql"));
    String bot = "timeout 60 /usr/bin/python3 " + BOT + " \"${BACKEND_URL/#http/ws}\" \"$BACKEND_URL\" "
        + CKIT.resolve("KarenThreads.before-rename.json") + " " + CKIT.resolve("DeleteEmessages.before-rename.json")
        + " bot-secret-key < /dev/null";
    return run(here, blocks("I own a bot").get(0), Map.of(), Map.of("IMAGE_TAG", "20045", "BOT", bot));
  }

  private Run backendFlow(String build) throws Exception {
    Path here = workspace("backend-" + build);
    Files.copy(SCHEMAS.resolve(build + ".graphql"), here.resolve("schema.graphql"));
    RunningProcess backend = RunningProcess.start(List.of(LauncherTest.javaBinary(), "-jar", LauncherTest.JAR.toString(),
        "backend", "--build", build, "--port", "0"));
    try {
      String port = backend.await("WebSocket\\s+ws://127\\.0\\.0\\.1:(\\d+)/", Duration.ofSeconds(60));
      return run(here, blocks("I own the backend").get(0), Map.of("127.0.0.1:8000", "127.0.0.1:" + port), Map.of("GIT_SHA", "sha-" + build));
    } finally {
      backend.close();
    }
  }

  // ---------------------------------------------------------------- the README, read as scripts

  /** The fenced {@code bash} blocks of the README section headed {@code ## heading}, in order. */
  static List<String> blocks(String heading) throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("\n## " + heading + "\n");
    assertThat(start).as("README.md has a section '## %s'", heading).isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("(?s)\n```bash\n(.*?)\n```").matcher(section);
    while (m.find()) {
      blocks.add(m.group(1) + "\n");
    }
    assertThat(blocks).as("bash blocks under '## %s'", heading).isNotEmpty();
    return blocks;
  }

  /** A block's run: its exit code and output; {@code toString} adds the script that ran, for failure messages. */
  /** A fresh CI workspace: an empty folder where {@code ./subpact} runs the shipped jar. */
  private Path workspace(String name) throws IOException {
    Path here = Files.createDirectory(dir.resolve(name));
    Path subpact = here.resolve("subpact");
    Files.writeString(subpact, "#!/bin/sh\nexec '" + LauncherTest.javaBinary() + "' -jar '" + LauncherTest.JAR + "' \"$@\"\n");
    Files.setPosixFilePermissions(subpact, PosixFilePermissions.fromString("rwxr-xr-x"));
    return here;
  }

  private record Run(int exit, String output, String script) {
    @Override
    public String toString() {
      return "script:\n" + script + "output:\n" + output;
    }
  }

  /**
   * Runs {@code script} with bash -e in {@code workspace}, each placeholder replaced, and the built bot's {@code docker run} line replaced by
   * {@code environment}'s {@code BOT} command when the script has one.
   */
  private Run run(Path workspace, String script, Map<String, String> replacements, Map<String, String> environment) throws Exception {
    String text = script;
    for (Map.Entry<String, String> r : replacements.entrySet()) {
      assertThat(text).as("the README block still has the placeholder %s", r.getKey()).contains(r.getKey());
      text = text.replace(r.getKey(), r.getValue());
    }
    Map<String, String> env = new LinkedHashMap<>(environment);
    String bot = env.remove("BOT");
    if (bot != null) {
      assertThat(text).as("the bot block runs the built image with docker run").containsPattern("(?m)^docker run .*$");
      text = text.replaceAll("(?m)^docker run .*$", Matcher.quoteReplacement(bot));
    }
    Path file = Files.writeString(dir.resolve(workspace.getFileName() + ".sh"), text);
    ProcessBuilder builder = new ProcessBuilder("bash", "-e", file.toString()).directory(workspace.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("PACT_BROKER_") || k.startsWith("SUBPACT"));
    builder.environment().put("PACT_BROKER_BASE_URL", brokerUrl);
    builder.environment().putAll(env);
    Path log = dir.resolve(workspace.getFileName() + ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    boolean ended = process.waitFor(5, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(ended).as("the README block ended within 5 minutes:%n%s%n%s", text, output).isTrue();
    return new Run(process.exitValue(), output, text);
  }
}
