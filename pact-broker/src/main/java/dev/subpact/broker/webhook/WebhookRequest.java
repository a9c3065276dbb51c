package dev.subpact.broker.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.api.Json;
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

  /** The template as shown back to clients: passwords are never returned. */
  public static ObjectNode redacted(JsonNode template) {
    ObjectNode copy = ((ObjectNode) template).deepCopy();
    if (copy.has("password")) {
      copy.put("password", "**********");
    }
    return copy;
  }
}
