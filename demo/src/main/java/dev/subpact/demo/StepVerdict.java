package dev.subpact.demo;

/**
 * One thing the story says must happen, and whether it did.
 *
 * @param step the story's step number
 * @param expectation what must be true, e.g. "can-i-deploy says no for the renamed build"
 * @param held whether it was
 */
public record StepVerdict(int step, String expectation, boolean held) {}
