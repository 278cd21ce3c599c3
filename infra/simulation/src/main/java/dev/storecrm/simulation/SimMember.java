package dev.storecrm.simulation;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A synthetic member as the simulated store first registers them.
 *
 * @param birthday   {@code 1990-05-20}, {@code --05-20} or null
 * @param ordersPerDay how often the member orders on their own (a Poisson rate)
 */
record SimMember(String id, String name, String email, String locale, ZoneId zone, String country,
                 String contactPreference, String birthday, String wedding, boolean consent, Instant registeredAt,
                 double ordersPerDay) {}
