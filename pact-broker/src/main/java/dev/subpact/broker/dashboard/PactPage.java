package dev.subpact.broker.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.contract.ResourceUrls;
import dev.subpact.broker.data.BrokerData;
import dev.subpact.broker.error.BrokerException;
import dev.subpact.broker.graphql.GraphqlAwareness;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Verification;
import dev.subpact.graphql.pact.ExpectedMessage;
import dev.subpact.graphql.pact.ForeignInteraction;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.PactFormatException;
import dev.subpact.graphql.pact.ProviderState;
import dev.subpact.graphql.pact.Transport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A pact as documentation: for each operation, the document as sent, its transport, variables,
 * provider states and expected messages with their matching rules in words; then the
 * verification history of this pact content and a link to the raw JSON.
 */
final class PactPage {

  private static final int HISTORY = 50;

  private final BrokerData data;

  PactPage(BrokerData data) {
    this.data = data;
  }

  private record Loaded(Publication publication, String content, List<Verification> history) {}

  String pact(String provider, String consumer, String version) {
    Loaded loaded = data.read(tx -> {
      var v = tx.existingVersion(consumer, version);
      Publication p = tx.publication(v, provider).orElseThrow(() -> BrokerException.notFound(
          "No pact between " + consumer + " " + version + " and " + provider + "."));
      return new Loaded(p, tx.pactContent(p.sha()).orElseThrow(),
          tx.verifications(p.sha(), provider, HISTORY));
    });
    String raw = "/pacts/provider/" + ResourceUrls.encode(provider) + "/consumer/" + ResourceUrls.encode(consumer) + "/version/"
        + ResourceUrls.encode(version);
    StringBuilder body = new StringBuilder("<dl><dt>Consumer</dt><dd>").append(Html.pacticipantLink(consumer)).append(" ")
        .append(Html.versionLink(consumer, version)).append("</dd><dt>Provider</dt><dd>").append(Html.pacticipantLink(provider))
        .append("</dd><dt>Published</dt><dd>").append(Html.date(loaded.publication().createdAt()))
        .append("</dd><dt>Raw</dt><dd><a id=\"raw\" href=\"").append(Html.text(raw)).append("\">pact JSON</a>")
        .append(" · ").append(Html.link(HalPages.browse(raw), "in the API browser")).append("</dd></dl>");
    body.append("<nav aria-label=\"Operations\"><h2>Operations</h2><ol id=\"toc\">");
    StringBuilder operations = new StringBuilder();
    try {
      GraphqlPact pact = GraphqlPacts.parse(loaded.content(), consumer + " " + version);
      int n = 0;
      for (GraphqlInteraction interaction : pact.interactions()) {
        String id = "op-" + (++n);
        body.append("<li>").append(Html.link("#" + id, interaction.description())).append("</li>");
        operations.append(operation(id, interaction));
      }
      for (ForeignInteraction interaction : pact.foreign()) {
        String id = "op-" + (++n);
        body.append("<li>").append(Html.link("#" + id, interaction.description())).append("</li>");
        operations.append("<section class=\"op\" id=\"").append(id).append("\"><h3>").append(Html.text(interaction.description()))
            .append("</h3><p>").append(Html.text(interaction.summary())).append(" (not GraphQL: see the raw JSON)</p></section>");
      }
    } catch (PactFormatException | IllegalArgumentException e) {
      String unreadable = GraphqlAwareness.unreadableGraphql(e);
      if (unreadable != null) {
        operations.append("<p class=\"failed\" role=\"alert\">").append(Html.text(unreadable)).append("</p>");
      }
      int n = 0;
      for (JsonNode interaction : Json.parse(loaded.content()).path("interactions")) {
        String id = "op-" + (++n);
        body.append("<li>").append(Html.link("#" + id, interaction.path("description").asText())).append("</li>");
        operations.append("<section class=\"op\" id=\"").append(id).append("\"><h3>")
            .append(Html.text(interaction.path("description").asText())).append("</h3><pre>")
            .append(Html.text(interaction.path("request").toPrettyString())).append("</pre></section>");
      }
    }
    body.append("</ol></nav>").append(operations).append(history(loaded.history()));
    return Html.page("Pact " + consumer + " " + version + " → " + provider, body.toString());
  }

  private static String operation(String id, GraphqlInteraction interaction) {
    StringBuilder out = new StringBuilder("<section class=\"op\" id=\"").append(id).append("\"><h3>")
        .append(Html.text(interaction.description())).append("</h3><dl><dt>Operation</dt><dd><code>")
        .append(Html.text(interaction.operation().label())).append("</code></dd><dt>Transport</dt><dd>")
        .append(Html.text(interaction.transport().describe()));
    if (interaction.transport() instanceof Transport.WebSocket ws) {
      out.append(ws.exactSequence() ? "; the expected messages must be exactly the first ones received"
          : "; each expected message must arrive in order, others may come in between");
    }
    out.append("</dd><dt>Provider states</dt><dd>");
    if (interaction.providerStates().isEmpty()) {
      out.append("none");
    } else {
      out.append("<ul class=\"states\">");
      for (ProviderState state : interaction.providerStates()) {
        out.append("<li>").append(Html.text(state.name()));
        List<String> params = new ArrayList<>();
        for (Map.Entry<String, Object> param : state.params().entrySet()) {
          params.add(Html.text(param.getKey()) + " = <code>" + Html.text(Json.MAPPER.valueToTree(param.getValue()).toString()) + "</code>");
        }
        out.append(params.isEmpty() ? "" : " (" + String.join(", ", params) + ")").append("</li>");
      }
      out.append("</ul>");
    }
    out.append("</dd></dl><h4>Sent</h4><pre class=\"graphql\">").append(Html.text(interaction.operation().document().text()))
        .append("</pre>");
    if (!interaction.operation().variables().isEmpty()) {
      out.append("<h4>Variables</h4><pre>")
          .append(Html.text(Json.MAPPER.valueToTree(interaction.operation().variables()).toPrettyString())).append("</pre>");
    }
    if (interaction.expected().isEmpty()) {
      out.append("<p>Expects the operation to be accepted without error; no particular result.</p>");
    }
    int n = 0;
    for (ExpectedMessage expected : interaction.expected()) {
      out.append("<h4>Expected message ").append(++n).append(" of ").append(interaction.expected().size()).append("</h4><pre>")
          .append(Html.text(expected.content().toPrettyString())).append("</pre>").append(rules(expected.matchingRules()));
    }
    return out.append("</section>").toString();
  }

  /** The matching rules of a message, one sentence per path. */
  static String rules(JsonNode matchingRules) {
    List<String> sentences = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> categories = matchingRules.fields(); categories.hasNext(); ) {
      Map.Entry<String, JsonNode> category = categories.next();
      for (Iterator<Map.Entry<String, JsonNode>> paths = category.getValue().fields(); paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        List<String> matchers = new ArrayList<>();
        for (JsonNode matcher : path.getValue().path("matchers")) {
          matchers.add(MatcherWords.describe(matcher));
        }
        String combine = "OR".equals(path.getValue().path("combine").asText()) ? " or " : " and ";
        sentences.add("<li><code>" + Html.text(path.getKey()) + "</code>: " + Html.text(String.join(combine, matchers)) + "</li>");
      }
    }
    return sentences.isEmpty() ? "<p class=\"rules\">Matched exactly: every value must equal the example.</p>"
        : "<p>Matching rules (values elsewhere must equal the example):</p><ul class=\"rules\">" + String.join("", sentences) + "</ul>";
  }

  private static String history(List<Verification> history) {
    StringBuilder out = new StringBuilder("<h2>Verification history</h2>");
    if (history.isEmpty()) {
      return out.append("<p id=\"history\">No provider version has verified this pact yet.</p>").toString();
    }
    out.append("<div class=\"scroll\"><table id=\"history\"><tr><th scope=\"col\">Provider version</th><th scope=\"col\">Verdict</th>"
        + "<th scope=\"col\">How</th><th scope=\"col\">When</th></tr>");
    for (Verification v : history) {
      out.append("<tr><td>").append(Html.versionLink(v.providerVersion().pacticipant(), v.providerVersion().number()))
          .append("</td><td class=\"").append(v.success() ? "ok\">verified" : "failed\">failed").append("</td><td>")
          .append(Verification.SCHEMA.equals(v.kind()) ? "against the published GraphQL schema" : "by running the provider")
          .append(v.buildUrl() == null ? "" : " (" + Html.text(v.buildUrl()) + ")").append("</td><td>").append(Html.date(v.createdAt()))
          .append("</td></tr>");
    }
    out.append("</table></div>");
    if (history.size() == HISTORY) {
      out.append("<p>The newest ").append(HISTORY).append(" verifications are shown.</p>");
    }
    return out.toString();
  }
}
