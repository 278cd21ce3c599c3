package dev.storecrm.domain.member;

import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.time.RecurringDate;

/**
 * One setting of the birthday ({@code value} is {@code null} when it was cleared). The history
 * tells when the current birthday was first set, which the birthday gift's anti-gaming rule needs.
 */
public record BirthdayEntry(Stamp stamp, RecurringDate value) {}
