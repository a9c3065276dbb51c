package dev.subpact.cli;

import dev.subpact.broker.BrokerConfig;
import dev.subpact.broker.PactBroker;
import dev.subpact.broker.RunningBroker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code subpact broker}: runs the Pact-Broker-compatible, GraphQL-aware broker until stopped. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = {
      "Runs subpact's Pact Broker: the HAL API the official clients use, can-i-deploy, webhooks, GraphQL schema checks "
          + "and the dashboard at /dashboard. Stores data in an SQLite file by default, or PostgreSQL.",
      "Stop it with Ctrl-C."
    })
public final class BrokerCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", defaultValue = "9292", description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default ${DEFAULT-VALUE}; 0.0.0.0 serves a team).")
  String host;

  @Option(names = "--database", defaultValue = BrokerConfig.DEFAULT_DATABASE,
      description = "sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DB (default ${DEFAULT-VALUE}).")
  String database;

  @Option(names = "--base-url", description = "Absolute URL used in links, when the broker sits behind a proxy.")
  String baseUrl;

  @Option(names = "--basic-auth", defaultValue = "${env:PACT_BROKER_BASIC_AUTH}", description = "USER:PASS allowed to read and write.")
  String basicAuth;

  @Option(names = "--read-only-auth", description = "USER:PASS allowed to read only.")
  String readOnlyAuth;

  @Option(names = "--token", defaultValue = "${env:PACT_BROKER_TOKEN}", description = "Bearer token allowed to read and write.")
  String token;

  @Option(names = "--public-read", description = "Let anyone read; writes still need credentials.")
  boolean publicRead;

  @Option(names = "--webhook-host", description = "Host webhooks may call: name, *.suffix, host:port, address, CIDR range, or * for any public host (repeatable; default: *). Loopback, link-local and private addresses need an explicit entry.")
  List<String> webhookHosts;

  @Option(names = "--webhook-scheme", description = "URL scheme webhooks may use (repeatable; default: https and http).")
  List<String> webhookSchemes;

  @Option(names = "--webhook-attempts", defaultValue = "4", description = "Attempts per webhook delivery (default ${DEFAULT-VALUE}).")
  int webhookAttempts;

  @Option(names = "--webhook-backoff", defaultValue = "1s", converter = DurationConverter.class,
      description = "Delay before the first retry, doubled each time (default ${DEFAULT-VALUE}).")
  Duration webhookBackoff;

  @Option(names = "--max-body", defaultValue = "10485760", description = "Largest request body in bytes (default ${DEFAULT-VALUE}).")
  long maxBody;

  @Option(names = "--access-log", defaultValue = "off", paramLabel = "off|text|json",
      description = "One line per request on stderr, with its request id (X-Request-Id): off, text or json (default ${DEFAULT-VALUE}).")
  String accessLog;

  @Option(names = "--allow-contract-modification", description = "Let a consumer version be published again with different"
      + " content, replacing its pact (the official broker's allow_dangerous_contract_modification); otherwise 409.")
  boolean allowContractModification;

  @Override
  public Integer call() throws InterruptedException {
    if (!BrokerConfig.ACCESS_LOGS.contains(accessLog)) {
      throw new UserInputException("--access-log must be off, text or json, not '" + accessLog + "'.");
    }
    for (String[] credential : new String[][] {{"--basic-auth", basicAuth}, {"--read-only-auth", readOnlyAuth}}) {
      if (credential[1] != null && !credential[1].contains(":")) {
        throw new UserInputException(credential[0] + " must be USER:PASS, got '" + credential[1] + "'.");
      }
    }
    if (readOnlyAuth != null && basicAuth == null && token == null) {
      throw new UserInputException("--read-only-auth needs --basic-auth or --token for writers too.");
    }
    BrokerConfig config = BrokerConfig.local(port, database).withHost(host).withBaseUrl(baseUrl)
        .withAuth(basicAuth, readOnlyAuth, token, publicRead)
        .withWebhooks(webhookHosts == null ? List.of("*") : webhookHosts,
            webhookSchemes == null ? List.of("https", "http") : webhookSchemes, webhookAttempts, webhookBackoff)
        .withMaxBodyBytes(maxBody)
        .withContractModification(allowContractModification)
        .withAccessLog(accessLog);
    // a BrokerStartException is the user's to fix: the error handler names the option of the setting at fault
    RunningBroker broker = PactBroker.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      broker.close();
      stopped.countDown();
    }, "subpact-broker-shutdown"));
    spec.commandLine().getOut().println("subpact broker listening on " + broker.url() + " (database "
        + database.replaceAll("://([^:@/]+):[^@/]*@", "://$1:***@") + ")");
    spec.commandLine().getOut().flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
