package dev.subpact.broker.model;

/** A place versions are deployed or released to; {@code contacts} is the JSON array as given. */
public record Environment(String uuid, String name, String displayName, boolean production,
    String contacts, String createdAt) {}
