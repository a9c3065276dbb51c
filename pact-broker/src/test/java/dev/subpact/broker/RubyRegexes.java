package dev.subpact.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official client's pacts are written by Ruby, whose regexes take a brace that does not start
 * a quantifier literally ({@code /pacticipants/{pacticipant}}); java.util.regex rejects it. This
 * copies a pact with such braces escaped, the same regex in Java's syntax, for Pact JVM to verify.
 */
final class RubyRegexes {

  private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(,\\d*)?}");

  private RubyRegexes() {}

  static Path javaCopy(String resource, Path directory) throws IOException {
    try (InputStream in = RubyRegexes.class.getResourceAsStream(resource)) {
      JsonNode pact = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      for (JsonNode interaction : pact.path("interactions")) {
        for (String part : new String[] {"request", "response"}) {
          JsonNode rules = interaction.path(part).path("matchingRules");
          for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
            JsonNode rule = it.next().getValue();
            if (rule.has("regex")) {
              ((ObjectNode) rule).put("regex", toJava(rule.get("regex").asText()));
            }
          }
        }
      }
      Files.createDirectories(directory);
      Path file = directory.resolve(resource.substring(resource.lastIndexOf('/') + 1));
      Files.writeString(file, Json.write(pact));
      return file;
    }
  }

  static String toJava(String rubyRegex) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < rubyRegex.length(); i++) {
      char c = rubyRegex.charAt(i);
      if (c == '\\' && i + 1 < rubyRegex.length()) {
        out.append(c).append(rubyRegex.charAt(++i));
      } else if (c == '{') {
        Matcher quantifier = QUANTIFIER.matcher(rubyRegex).region(i, rubyRegex.length());
        if (quantifier.lookingAt()) {
          out.append(quantifier.group());
          i = quantifier.end() - 1;
        } else {
          out.append("\\{");
        }
      } else if (c == '}') {
        out.append("\\}");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
