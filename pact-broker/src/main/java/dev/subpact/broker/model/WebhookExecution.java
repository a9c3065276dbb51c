package dev.subpact.broker.model;

/** One delivery of a webhook (all its attempts), with the log of requests and responses. */
public record WebhookExecution(long id, String webhookUuid, String event, boolean success,
    int attempts, String log, String createdAt) {}
