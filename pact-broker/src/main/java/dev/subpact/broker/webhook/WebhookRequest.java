package dev.subpact.broker.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request a webhook sends, rendered from its template: {@code ${pactbroker.X}} in the URL,
 * headers and body is replaced by the event's value (URL-encoded in the URL).
 */
public record WebhookRequest(String method, String url, Map<String, String> headers, String body,
    String username, String password) {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{pactbroker\\.([A-Za-z]+)}");

  public static WebhookRequest render(JsonNode template, BrokerEvent event) {
    String method = Json.text(template, "method") == null ? "POST" : Json.text(template, "method");
    String url = substitute(Json.text(template, "url"), event, true);
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode templateHeaders = template.get("headers");
    if (templateHeaders != null && templateHeaders.isObject()) {
      templateHeaders.fields().forEachRemaining(
          h -> headers.put(h.getKey(), substitute(h.getValue().asText(), event, false)));
    }
    JsonNode body = template.get("body");
    String renderedBody = null;
    if (body != null && !body.isNull()) {
      renderedBody = substitute(body.isTextual() ? body.asText() : Json.write(body), event, false);
    }
    return new WebhookRequest(method.toUpperCase(java.util.Locale.ROOT), url, headers, renderedBody,
        Json.text(template, "username"), Json.text(template, "password"));
  }

  private static String substitute(String text, BrokerEvent event, boolean urlEncode) {
    if (text == null) {
      return null;
    }
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = event.values().getOrDefault(matcher.group(1), matcher.group());
      if (urlEncode && event.values().containsKey(matcher.group(1)) && !value.startsWith("http")) {
        value = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Headers a webhook may not set: the broker's HTTP client frames the request itself (RFC 9110 §7.6.1, §10.1.1). */
  private static final java.util.Set<String> FRAMING_HEADERS = java.util.Set.of("host", "content-length",
      "transfer-encoding", "connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade", "expect");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /**
   * What is wrong with a template's headers, each problem naming the header and how to fix it: names
   * must be RFC 9110 tokens, values free of control characters (CR, LF, NUL…), framing and hop-by-hop
   * headers are set by the broker's HTTP client and cannot be chosen.
   */
  public static java.util.List<String> headerProblems(JsonNode template) {
    java.util.List<String> problems = new java.util.ArrayList<>();
    JsonNode headers = template.get("headers");
    if (headers == null || headers.isNull()) {
      return problems;
    }
    if (!headers.isObject()) {
      problems.add("must be an object of header names to values, like {\"Content-Type\": \"application/json\"}");
      return problems;
    }
    headers.fields().forEachRemaining(header -> {
      String name = header.getKey();
      String shown = "'" + name.replaceAll("\\p{Cntrl}", "?") + "'";
      if (!TOKEN.matcher(name).matches()) {
        problems.add("header name " + shown + " is not a valid HTTP header name (letters, digits and !#$%&'*+.^_`|~- only)");
      } else if (FRAMING_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        problems.add("header " + shown + " frames the HTTP request and is set by the broker; remove it");
      }
      if (!header.getValue().isValueNode() || header.getValue().isNull()) {
        problems.add("header " + shown + " must have a text value");
      } else if (header.getValue().asText().chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
        problems.add("header " + shown + " has a control character (CR, LF, NUL…) in its value; remove it");
      }
    });
    return problems;
  }
}
