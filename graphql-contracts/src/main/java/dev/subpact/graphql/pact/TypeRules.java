package dev.subpact.graphql.pact;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * The Pact V4 {@code type} rule as subpact writes it, and the JSON paths it is keyed by, so the
 * pacts a capture writes and the rules a verifier reads agree on one spelling.
 */
public final class TypeRules {

  private static final Pattern PLAIN_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

  private TypeRules() {}

  /** A new {@code {"combine": "AND", "matchers": [{"match": "type"}]}}. */
  public static ObjectNode rule() {
    ObjectNode rule = JsonNodeFactory.instance.objectNode();
    rule.put("combine", "AND");
    rule.putArray("matchers").addObject().put("match", "type");
    return rule;
  }

  /**
   * Whether Pact's path syntax can spell {@code key}: it has no escapes, so a key holding a
   * {@code '} (possible inside a JSON scalar, never in a GraphQL response name) or an empty key
   * cannot be a path segment; rule the enclosing object instead.
   */
  public static boolean spellable(String key) {
    return !key.isEmpty() && key.indexOf('\'') < 0;
  }

  /** Whether {@code key} is a plain name, a path segment written {@code .key} (else {@code ['key']}) in every Pact spelling. */
  public static boolean plain(String key) {
    return PLAIN_NAME.matcher(key).matches();
  }

  /** The path of member {@code key} ({@link #spellable}) of the object at {@code parent}: {@code $.a.b}, or {@code $.a['b-c']}. */
  public static String member(String parent, String key) {
    return parent + (plain(key) ? "." + key : "['" + key + "']");
  }
}
