package dev.storecrm.importer;

import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.TableScan;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a local import built, as an operator would look at it: members and orders in the archive,
 * the timers armed (win-back steps and the like, due later), the mail sent in the stack's first
 * minute, what the consumers refused (RejectsTable, by consumer and reason), the dead-letter queues,
 * and the members with the most spend. Ids only, no personal data. Reads whole tables by Scan, page
 * by page (a store's history outgrows one page); nothing in the product does this.
 */
final class ArchiveSummary {

    private static final int TOP = 10;

    private final LocalCloud cloud;

    ArchiveSummary(LocalCloud cloud) {
        this.cloud = cloud;
    }

    /** Prints the summary; answers whether nothing was lost (every dead-letter queue empty). */
    boolean print(PrintStream out) {
        Map<String, Integer> lost = cloud.deadLetters();
        out.println();
        out.println("Member archive after the import (local cloud)");
        out.printf("  members            %,d%n", count("MembersTable"));
        out.printf("  orders             %,d%n", count("OrdersTable"));
        out.printf("  timers armed       %,d (win-back steps, cart reminders and deferred mail, due later)%n",
                count("TimersTable"));
        out.printf("  mail sent          %,d (the sender, after the timer sweep ran once)%n", cloud.sentMail().size());
        out.println("  refused            " + rejects());
        out.println("  dead-letter queues " + (lost.isEmpty() ? "empty" : lost));
        List<Map<String, AttributeValue>> top = TableScan.items(cloud, "MembersTable")
                .sorted(Comparator.comparingLong((Map<String, AttributeValue> m) -> number(m, "lifetimeSpend"))
                        .reversed().thenComparing(m -> m.get("customerId").s())).limit(TOP).toList();
        if (!top.isEmpty()) {
            out.println();
            out.printf("  %-48s %-9s %-7s %6s %14s  %s%n", "member", "status", "tier", "orders", "spend (minor)",
                    "last order");
            for (Map<String, AttributeValue> member : top) {
                out.printf("  %-48s %-9s %-7s %6d %14d  %s%n", member.get("customerId").s(), text(member, "status"),
                        text(member, "tier"), number(member, "orderCount"), number(member, "lifetimeSpend"),
                        text(member, "lastOrderAt"));
            }
        }
        return lost.isEmpty();
    }

    private long count(String table) {
        return TableScan.count(cloud, table);
    }

    private String rejects() {
        Map<String, Long> byConsumerAndReason = TableScan.items(cloud, "RejectsTable").collect(Collectors.groupingBy(
                item -> item.get("consumer").s() + " " + item.get("reason").s(), TreeMap::new, Collectors.counting()));
        return byConsumerAndReason.isEmpty() ? "nothing (RejectsTable)" : byConsumerAndReason + " (RejectsTable)";
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "-" : value.s();
    }
}
