package dev.subpact.broker.model;

/** One version (build) of a pacticipant; {@code id} orders versions by creation. */
public record Version(long id, long pacticipantId, String pacticipant, String number,
    String buildUrl, String createdAt) {}
