package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.incident.Incident;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code report merge}: the shards' JSON reports make the unsharded run's report, in JSON and JUnit. */
class ReportMergeTest {

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  private static Run subpact(String... args) {
    CommandLine cli = SubpactCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void theShardsReportsMergeIntoTheUnshardedRunsReport() throws Exception {
    Path pacts = Files.createDirectories(dir.resolve("pacts"));
    // the renamed build breaks the crashed bots, the after-rename contracts of two of them pass
    for (GraphqlPact pact : Incident.crashedContracts()) {
      GraphqlPacts.writeTo(pacts, pact);
    }
    GraphqlPacts.writeTo(pacts, new GraphqlPact("karen", Incident.PROVIDER, "20046",
        Incident.contract(Incident.bot("karen"), Incident.ClientKit.AFTER_RENAME, "20046").interactions()));
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("renamed"), 0)) {
      List<String> common = List.of("verify", "--backend", backend.websocketUrl().toString(), "--state-url", backend.stateUrl().toString(),
          "--pacts", pacts.toString(), "--settle", "1500ms");
      Run whole = subpact(args(common, "--format", "json", "--output", dir.resolve("whole.json").toString()));
      Run wholeJunit = subpact(args(common, "--format", "junit", "--output", dir.resolve("whole.xml").toString()));
      assertThat(whole.exit()).as(whole.err()).isEqualTo(1);
      assertThat(wholeJunit.exit()).as(wholeJunit.err()).isEqualTo(1);
      List<String> shards = new ArrayList<>();
      for (String shard : List.of("3/3", "1/3", "2/3")) {
        Path file = dir.resolve("shard-" + shard.charAt(0) + ".json");
        assertThat(subpact(args(common, "--shard", shard, "--format", "json", "--output", file.toString())).exit()).isIn(0, 1);
        shards.add(file.toString());
      }

      Run json = subpact(args(List.of("report", "merge", "--output", dir.resolve("merged.json").toString()), shards.toArray(String[]::new)));
      Run junit = subpact(args(List.of("report", "merge", "--format", "junit"), shards.toArray(String[]::new)));

      assertThat(json.exit()).as(json.err()).isEqualTo(1);
      assertThat(Files.readString(dir.resolve("merged.json"))).isEqualTo(Files.readString(dir.resolve("whole.json")));
      assertThat(junit.exit()).isEqualTo(1);
      // the same but for times: each case's replay time is not in the shards' JSON reports, so the merged cases have none
      assertThat(anyTime(junit.out())).isEqualTo(anyTime(Files.readString(dir.resolve("whole.xml"))));
    }
  }

  @Test
  void aReportInTwiceOrUnreadableIsBadInput() throws Exception {
    Path report = dir.resolve("r.json");
    Files.writeString(report, """
        {"ok": true, "schema": null, "summary": {}, "results": [
          {"consumer": "karen", "consumerVersion": "1", "interaction": "Q query", "operationName": "Q", "source": null,
           "ok": true, "outcome": "accepted", "errors": [], "warnings": []}], "schemaFindings": []}
        """);
    Run twice = subpact("report", "merge", report.toString(), report.toString());
    assertThat(twice.exit()).isEqualTo(2);
    assertThat(twice.err()).contains("karen 1 / Q query is in two of the reports");
    Files.writeString(dir.resolve("not.json"), "{\"pacts\": []}");
    Run notAReport = subpact("report", "merge", dir.resolve("not.json").toString());
    assertThat(notAReport.exit()).isEqualTo(2);
    assertThat(notAReport.err()).contains("is not a subpact JSON report");
    Run missing = subpact("report", "merge", dir.resolve("nope.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.json does not exist");
  }

  private static String[] args(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static String anyTime(String junit) {
    return junit.replaceAll(" time=\"[0-9.]+\"", " time=\"…\"").replaceAll(" timestamp=\"[^\"]+\"", "");
  }
}
