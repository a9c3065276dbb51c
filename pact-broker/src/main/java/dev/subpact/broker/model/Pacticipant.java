package dev.subpact.broker.model;

/** An application taking part in contracts: a consumer, a provider, or both. */
public record Pacticipant(long id, String name, String displayName, String repositoryUrl,
    String mainBranch, String createdAt, String updatedAt) {}
