package dev.subpact.broker.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What of a webhook the broker shows — to every reader, writers included, and in execution logs:
 * header values only for a few headers that never carry secrets (the official broker redacts
 * {@code Authorization} and token headers; subpact redacts every other header, since {@code X-Api-Key}
 * or {@code Private-Token} are secrets too), URL query values and user-info passwords masked, the
 * basic-auth password never.
 */
public final class Redaction {

  public static final String MASK = "**********";
  /** Headers whose values are shown: they describe the request and never authenticate it. */
  private static final Set<String> SHOWN_HEADERS = Set.of("content-type", "accept", "accept-language", "user-agent",
      "x-github-event", "x-pact-consumer", "x-pact-provider");
  private static final Pattern QUERY_VALUE = Pattern.compile("([?&][^=&#]*=)[^&#]*");
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://[^:/@?#]*):[^@/?#]*@");

  private Redaction() {}

  /** {@code https://user:**********@ci.example/hook?token=**********}: the URL with its secrets masked. */
  public static String url(String url) {
    if (url == null) {
      return null;
    }
    String masked = USER_INFO_PASSWORD.matcher(url).replaceFirst("$1:" + MASK + "@");
    return QUERY_VALUE.matcher(masked).replaceAll("$1" + MASK);
  }

  /** A header value as shown: itself for {@link #SHOWN_HEADERS}, masked otherwise. */
  public static String header(String name, String value) {
    return SHOWN_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? value : MASK;
  }

  /** The request template as shown back to clients. */
  public static ObjectNode template(JsonNode template) {
    ObjectNode copy = ((ObjectNode) template).deepCopy();
    if (copy.has("password")) {
      copy.put("password", MASK);
    }
    if (copy.hasNonNull("url")) {
      copy.put("url", url(copy.get("url").asText()));
    }
    if (copy.get("headers") instanceof ObjectNode headers) {
      for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> header = it.next();
        header.setValue(headers.textNode(header(header.getKey(), header.getValue().asText())));
      }
    }
    return copy;
  }
}
