package dev.subpact.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.client.BrokerException;
import dev.subpact.broker.client.PactForVerification;
import dev.subpact.graphql.report.Verbosity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code subpact pacts}: fetches the pacts a provider must verify into a folder, for check and verify. */
@Command(
    name = "pacts",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches the pacts a provider must verify (the broker's for-verification, with consumer version selectors) into --out,"
          + " one file per pact, as the broker serves them (their _links tell verify --publish-results where results go).",
      "Selectors: --selector mainBranch --selector deployedOrReleased, or KEY=VALUE such as branch=feat-x, environment=staging, consumer=karen."
    })
public final class PactsCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin BrokerOptions broker;

  @Option(names = "--provider", required = true, description = "The provider (backend) whose pacts to fetch.")
  String provider;

  @Option(names = "--selector", description = "A consumer version selector (repeatable). Default: mainBranch and deployedOrReleased.")
  List<String> selectors;

  @Option(names = "--provider-branch", description = "The provider build's branch (for pending and WIP pacts).")
  String providerBranch;

  @Option(names = "--out", required = true, description = "The folder to write the pacts to (created; emptied of earlier *.json).")
  Path out;

  @Mixin HeaderOptions headers;

  @Override
  public Integer call() throws IOException {
    Preflight.writableFolder(out, "--out");
    PrintWriter stdout = spec.commandLine().getOut();
    boolean quiet = Terminal.verbosity(spec) == Verbosity.QUIET;
    List<ObjectNode> parsed = new ArrayList<>();
    for (String selector : selectors == null ? List.of("mainBranch", "deployedOrReleased") : selectors) {
      parsed.add(selector(selector));
    }
    List<PactForVerification> pacts;
    try {
      pacts = broker.client().withHeaders(headers.headers()).pactsForVerification(provider, parsed, providerBranch, true);
    } catch (BrokerException e) {
      if (e.status() != 404) {
        throw new UserInputException(e.getMessage(), e);
      }
      // as Pact JVM's broker client does: a provider the broker does not know has no contracts yet
      stdout.println(provider + " is not known to the broker yet (404): no contracts to verify.");
      pacts = List.of();
    }
    Files.createDirectories(out);
    try (var old = Files.list(out)) {
      for (Path file : old.filter(f -> f.toString().endsWith(".json")).toList()) {
        Files.delete(file);
      }
    }
    int n = 0;
    for (PactForVerification pact : pacts) {
      n++;
      JsonNode content = JSON.readTree(pact.content());
      ObjectNode subpact = ((ObjectNode) content).with("metadata").with("subpact");
      if (pact.consumerVersion() != null && !subpact.has("consumerVersion")) {
        subpact.put("consumerVersion", pact.consumerVersion());
      }
      subpact.put("pending", pact.pending());
      String name = String.format("%03d-%s-%s.json", n, safe(pact.consumer()), safe(pact.consumerVersion() == null ? "latest" : pact.consumerVersion()));
      Files.writeString(out.resolve(name), JSON.writeValueAsString(content) + "\n", StandardCharsets.UTF_8);
      if (!quiet) {
        stdout.println("  " + name + (pact.pending() ? "  (pending)" : "") + (pact.notices().isEmpty() ? "" : "  " + pact.notices().get(0)));
      }
    }
    stdout.println("Fetched " + pacts.size() + " pact(s) " + provider + " must verify into " + out + ".");
    return ExitCodes.OK;
  }

  private static ObjectNode selector(String text) {
    ObjectNode node = JSON.createObjectNode();
    int eq = text.indexOf('=');
    if (eq < 0) {
      node.put(text, true);
    } else {
      node.put(text.substring(0, eq), text.substring(eq + 1));
    }
    return node;
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
