package dev.subpact.broker.model;

/**
 * A version deployed to, or released in, an environment. {@code current} is "currently deployed"
 * for deployments and "currently supported" for releases.
 */
public record Deployment(String uuid, Version version, Environment environment,
    String applicationInstance, boolean current, String createdAt, String endedAt) {}
