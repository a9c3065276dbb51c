package dev.subpact.broker.client;

import java.util.List;

/**
 * What the broker said to a publish.
 *
 * @param flow {@code contracts/publish} (one request) or {@code put} (the older flow: one PUT per pact, then tags and branch)
 * @param messages the broker's log lines, or one line per request of the older flow
 */
public record PublishResult(String flow, List<String> messages) {

  public PublishResult {
    messages = List.copyOf(messages);
  }
}
