package dev.subpact.demo;

import java.util.List;

/** Every verdict of a demo run, in the order of the story; the run passed when all held. */
public record DemoResult(List<StepVerdict> verdicts) {

  public DemoResult {
    verdicts = List.copyOf(verdicts);
  }

  public boolean ok() {
    return !verdicts.isEmpty() && verdicts.stream().allMatch(StepVerdict::held);
  }
}
