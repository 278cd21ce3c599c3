package dev.storecrm.domain.messaging;

/** High-priority requests travel on their own queue, so bulk campaigns never hold them up. */
public enum Priority { high, normal, low }
