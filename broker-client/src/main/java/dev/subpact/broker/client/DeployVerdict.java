package dev.subpact.broker.client;

import java.util.List;

/**
 * The broker's can-i-deploy answer.
 *
 * @param deployable {@code TRUE} yes, {@code FALSE} no, {@code null} unknown (results missing)
 * @param reason the broker's summary reason
 * @param rows one line per integration the verdict rests on, e.g. {@code chat-bot 1.4.2 → chat-backend abc: failed}
 * @param json the broker's answer as it sent it (for {@code --output json})
 */
public record DeployVerdict(Boolean deployable, String reason, List<String> rows, String json) {

  public DeployVerdict {
    rows = List.copyOf(rows);
  }

  public boolean yes() {
    return Boolean.TRUE.equals(deployable);
  }

  public boolean unknown() {
    return deployable == null;
  }
}
