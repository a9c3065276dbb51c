package dev.subpact.broker;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ruby client's older contract was recorded against an index whose links were placeholders
 * ({@code /HAL-REL-PLACEHOLDER-PB-WEBHOOKS}); the official broker's own verification maps each
 * placeholder back to the real resource before sending the request. This is that mapping.
 */
final class HalPlaceholders {

  private record Rule(Pattern pattern, Function<Matcher, String> path) {}

  private static final List<Rule> RULES = List.of(
      rule("/HAL-REL-PLACEHOLDER-INDEX-PB-LATEST-TAGGED-VERSION-(.+)-(.+)", m -> "/pacticipants/" + m.group(1) + "/latest-version/" + m.group(2)),
      rule("/HAL-REL-PLACEHOLDER-INDEX-PB-LATEST-VERSION-(.+)", m -> "/pacticipants/" + m.group(1) + "/latest-version"),
      rule("/HAL-REL-PLACEHOLDER-PB-ENVIRONMENTS", m -> "/environments"),
      rule("/HAL-REL-PLACEHOLDER-PB-ENVIRONMENT-(.+)", m -> "/environments/" + m.group(1)),
      rule("/HAL-REL-PLACEHOLDER-PB-PACTICIPANT-BRANCH-([^-]+)-(.+)", m -> "/pacticipants/" + m.group(1) + "/branches/" + m.group(2)),
      rule("/HAL-REL-PLACEHOLDER-PB-PACTICIPANT-VERSION-([^-]+)-(.+)", m -> "/pacticipants/" + m.group(1) + "/versions/" + m.group(2)),
      rule("/HAL-REL-PLACEHOLDER-PB-PACTICIPANTS", m -> "/pacticipants"),
      rule("/HAL-REL-PLACEHOLDER-PB-PACTICIPANT-(.+)", m -> "/pacticipants/" + m.group(1)),
      rule("/HAL-REL-PLACEHOLDER-PB-PUBLISH-CONTRACTS", m -> "/contracts/publish"),
      rule("/HAL-REL-PLACEHOLDER-PB-RECORD-(DEPLOYMENT|RELEASE)-FOO-([0-9A-F]+)-TEST", m -> "/pacticipants/Foo/versions/"
          + m.group(2).toLowerCase(java.util.Locale.ROOT) + (m.group(1).equals("DEPLOYMENT") ? "/deployed-versions" : "/released-versions")
          + "/environment/" + PactBrokerClientContract.TEST_ENVIRONMENT_UUID),
      rule("/HAL-REL-PLACEHOLDER-PB-WEBHOOKS", m -> "/webhooks"),
      rule("/PLACEHOLDER-DEPLOYED-VERSION-(.+)", m -> "/deployed-versions/" + m.group(1)),
      rule("/PLACEHOLDER-ENVIRONMENT-CURRENTLY-DEPLOYED-(.+)", m -> "/environments/" + m.group(1) + "/deployed-versions/currently-deployed"));

  private HalPlaceholders() {}

  private static Rule rule(String regex, Function<Matcher, String> path) {
    return new Rule(Pattern.compile(regex), path);
  }

  /** The real path for a placeholder path; any other path unchanged. */
  static String resolve(String path) {
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(path);
      if (matcher.matches()) {
        return rule.path().apply(matcher);
      }
    }
    return path;
  }
}
