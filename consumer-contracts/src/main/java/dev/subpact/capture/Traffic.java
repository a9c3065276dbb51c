package dev.subpact.capture;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything that reached a capture, GraphQL or not, so that a capture which recorded nothing can
 * say what it did see: GraphQL WebSocket connections by path and subprotocol, the frames they sent,
 * GraphQL HTTP requests by path, and every other request named by method and path (a health check,
 * a WebSocket upgrade without a GraphQL subprotocol, a POST without a GraphQL body). Thread-safe.
 */
public final class Traffic {

  private final Map<String, LongAdder> connections = new ConcurrentSkipListMap<>();
  private final Map<String, LongAdder> graphqlPosts = new ConcurrentSkipListMap<>();
  private final Map<String, LongAdder> other = new ConcurrentSkipListMap<>();
  private final LongAdder frames = new LongAdder();

  Traffic() {}

  /** A WebSocket upgrade on {@code path} that chose the GraphQL subprotocol {@code subprotocol}. */
  void connection(String path, String subprotocol) {
    count(connections, path + " (" + subprotocol + ")");
  }

  /** A frame (text or binary) on a GraphQL WebSocket. */
  void frame() {
    frames.increment();
  }

  /** A POST on {@code path} with a GraphQL body ({@code {"query": ...}}). */
  void graphqlPost(String path) {
    count(graphqlPosts, path);
  }

  /** A request that is not GraphQL, e.g. {@code GET /health} or {@code POST /graphql (no "query" in the JSON body)}. */
  void notGraphql(String request) {
    count(other, request);
  }

  /** GraphQL WebSocket connections by {@code "path (subprotocol)"}, sorted. */
  public SortedMap<String, Long> connections() {
    return snapshot(connections);
  }

  /** Frames received on GraphQL WebSockets. */
  public long frames() {
    return frames.sum();
  }

  /** POSTs with a GraphQL body, by path, sorted. */
  public SortedMap<String, Long> graphqlPosts() {
    return snapshot(graphqlPosts);
  }

  /** Requests that were not GraphQL, by method and path, sorted. */
  public SortedMap<String, Long> notGraphql() {
    return snapshot(other);
  }

  private static void count(Map<String, LongAdder> counts, String key) {
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  private static SortedMap<String, Long> snapshot(Map<String, LongAdder> counts) {
    SortedMap<String, Long> out = new TreeMap<>();
    counts.forEach((key, count) -> out.put(key, count.sum()));
    return out;
  }
}
