package dev.subpact.broker.matrix;

import dev.subpact.broker.error.BrokerException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code /matrix} query: the selectors ({@code q[][pacticipant]=…&q[][version]=…}), the versions
 * to ignore, and the target the other pacticipants are taken from when one pacticipant is asked
 * about ({@code latest=true}, {@code tag=…}, {@code environment=…}, {@code mainBranch=true}).
 *
 * <p>Selector attributes are grouped in the order they arrive, each {@code pacticipant} starting a
 * selector, as the official clients send them. When every {@code pacticipant} comes first (a
 * query whose keys were sorted, as Pact replays them), versions go to the selectors in order and
 * the remaining attributes to the selectors without a version.
 *
 * <p>{@code limit=N} on a query about one pacticipant on its own keeps its newest N versions.
 */
public record MatrixQuery(List<Selector> selectors, List<Selector> ignore, String latestBy,
    boolean latest, String tag, String environment, boolean mainBranch, Boolean successFilter,
    Integer limit) {

  public boolean hasTarget() {
    return latest || tag != null || environment != null || mainBranch;
  }

  public static MatrixQuery parse(String rawQuery) {
    List<String[]> params = new ArrayList<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        params.add(new String[] {key, value});
      }
    }
    Map<String, String> top = new LinkedHashMap<>();
    Boolean success = null;
    for (String[] p : params) {
      if (!p[0].startsWith("q[]") && !p[0].startsWith("ignore[]")) {
        if (p[0].equals("success[]") || p[0].equals("success")) {
          success = Boolean.parseBoolean(p[1]);
        } else {
          top.put(p[0], p[1]);
        }
      }
    }
    Integer limit = null;
    if (top.containsKey("limit")) {
      try {
        limit = Integer.parseInt(top.get("limit"));
      } catch (NumberFormatException e) {
        throw BrokerException.invalid("limit must be a number, got '" + top.get("limit") + "'.");
      }
    }
    return new MatrixQuery(selectors(params, "q[]"), selectors(params, "ignore[]"),
        top.get("latestby"), "true".equals(top.get("latest")), emptyToNull(top.get("tag")),
        emptyToNull(top.get("environment")), "true".equals(top.get("mainBranch")), success, limit);
  }

  private static List<Selector> selectors(List<String[]> params, String prefix) {
    List<String[]> attributes = new ArrayList<>();
    for (String[] p : params) {
      if (p[0].startsWith(prefix + "[") && p[0].endsWith("]")) {
        attributes.add(new String[] {p[0].substring(prefix.length() + 1, p[0].length() - 1), p[1]});
      }
    }
    List<Map<String, String>> groups = grouped(attributes);
    List<Selector> selectors = new ArrayList<>();
    for (Map<String, String> group : groups) {
      String pacticipant = group.get("pacticipant");
      if (pacticipant == null || pacticipant.isBlank()) {
        throw BrokerException.invalid("Every selector needs a pacticipant: " + prefix
            + "[pacticipant]=NAME is missing for " + group + ".");
      }
      selectors.add(new Selector(pacticipant, emptyToNull(group.get("version")),
          "true".equals(group.get("latest")), emptyToNull(group.get("tag")),
          emptyToNull(group.get("branch")), emptyToNull(group.get("environment")),
          "true".equals(group.get("mainBranch"))));
    }
    return selectors;
  }

  private static List<Map<String, String>> grouped(List<String[]> attributes) {
    List<Integer> pacticipantAt = new ArrayList<>();
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.get(i)[0].equals("pacticipant")) {
        pacticipantAt.add(i);
      }
    }
    boolean contiguous = pacticipantAt.size() > 1
        && pacticipantAt.get(pacticipantAt.size() - 1) - pacticipantAt.get(0) == pacticipantAt.size() - 1;
    List<Map<String, String>> groups = new ArrayList<>();
    if (!contiguous) {
      Map<String, String> pending = new LinkedHashMap<>();
      for (String[] attribute : attributes) {
        if (attribute[0].equals("pacticipant")) {
          pending = new LinkedHashMap<>(groups.isEmpty() ? pending : Map.of());
          groups.add(pending);
        }
        pending.put(attribute[0], attribute[1]);
      }
      return groups;
    }
    for (int index : pacticipantAt) {
      Map<String, String> group = new LinkedHashMap<>();
      group.put("pacticipant", attributes.get(index)[1]);
      groups.add(group);
    }
    int nextVersion = 0;
    for (String[] attribute : attributes) {
      if (attribute[0].equals("version") && nextVersion < groups.size()) {
        groups.get(nextVersion++).put("version", attribute[1]);
      }
    }
    List<Map<String, String>> withoutVersion = groups.stream().filter(g -> !g.containsKey("version")).toList();
    Map<String, Integer> nextOfKey = new LinkedHashMap<>();
    for (String[] attribute : attributes) {
      if (attribute[0].equals("version") || attribute[0].equals("pacticipant")) {
        continue;
      }
      List<Map<String, String>> candidates = withoutVersion.isEmpty() ? groups : withoutVersion;
      int at = nextOfKey.merge(attribute[0], 1, Integer::sum) - 1;
      candidates.get(Math.min(at, candidates.size() - 1)).put(attribute[0], attribute[1]);
    }
    return groups;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw BrokerException.invalid("The query is not correctly percent-encoded: '" + text + "'.");
    }
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
