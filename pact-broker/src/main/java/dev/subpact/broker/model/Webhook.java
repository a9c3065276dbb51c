package dev.subpact.broker.model;

import java.util.List;

/** A webhook: which pacticipants and events trigger it, and the request template (JSON). */
public record Webhook(String uuid, String description, String consumerName, String consumerLabel,
    String providerName, String providerLabel, List<String> events, String request, boolean enabled,
    String createdAt, String updatedAt) {}
