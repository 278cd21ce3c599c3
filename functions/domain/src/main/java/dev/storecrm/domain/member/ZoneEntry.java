package dev.storecrm.domain.member;

import dev.storecrm.domain.event.Stamp;
import java.time.ZoneId;

/**
 * One setting of the time zone ({@code zone} is {@code null} when it was cleared). The history
 * tells which local day a payment fell on when it was made, which birthday double points need.
 */
public record ZoneEntry(Stamp stamp, ZoneId zone) {}
