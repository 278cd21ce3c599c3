package dev.storecrm.domain;

/** A stored value with the revision it was read at, for optimistic concurrency on save. */
public record Revisioned<T>(T value, long revision) {}
