package dev.storecrm.carelists;

import dev.storecrm.domain.rfm.RfmBook;
import dev.storecrm.domain.rfm.RfmChange;
import dev.storecrm.domain.rfm.RfmState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A segment's or an audience's members as RfmFunction last placed them ({@code GET /segments/{name}} or
 * {@code GET /audiences/{name}}): always a page, by customer id, of at most {@value #MAX_PAGE} members
 * ({@value #DEFAULT_PAGE} unless {@code limit} says), with each member's scores. A page costs one Query of
 * the RfmTable's {@code ByGroup} index and one eventually consistent GetItem per member, whatever the
 * segment's size; the cursor of the next page is the last customer id served.
 */
final class SegmentList {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;
    static final List<String> COLUMNS = List.of("customerId", "segment", "r", "f", "m", "orders", "spendMinor",
            "daysSinceLastOrder", "audiences");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final RfmBook book;
    private final Clock clock;

    SegmentList(RfmBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    /** The file name of a group's page: {@code segment-champions}, {@code audience-bought-360d}. */
    static String fileName(RfmChange.Group group) {
        return group.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + group.name();
    }

    /** The group a route names; an IllegalArgumentException says what is wrong. */
    static RfmChange.Group group(RfmChange.Kind kind, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a segment or audience name is 1 to 64 of a-z 0-9 _ - (e.g. "
                    + "champions, at-risk, bought-360d), not '" + name + "'");
        }
        return new RfmChange.Group(kind, name);
    }

    /** One page of the group's members: at most {@code page.limit()} (capped), after the cursor. */
    Table of(RfmChange.Group group, ListPage page) {
        int limit = page.limit() == ListPage.ALL.limit() ? DEFAULT_PAGE : Math.min(page.limit(), MAX_PAGE);
        List<String> ids = book.members(group, page.after().orElse(null), limit + 1);
        List<String> served = ids.subList(0, Math.min(limit, ids.size()));
        Instant now = clock.instant();
        Table table = new Table(COLUMNS);
        for (String customerId : served) {
            Optional<RfmState> state = book.find(customerId, false);
            table.add(state.map(s -> row(s, now)).orElseGet(() -> List.of(customerId, "", "", "", "", "", "", "",
                    "")));
        }
        return table.next(ids.size() > limit ? Optional.of(ListPage.cursor(served.getLast())) : Optional.empty());
    }

    private static List<String> row(RfmState s, Instant now) {
        return List.of(s.customerId(), s.segment(), Integer.toString(s.scores().r()),
                Integer.toString(s.scores().f()), Integer.toString(s.scores().m()),
                Long.toString(s.inputs().orders()), Long.toString(s.inputs().spendMinor()),
                Long.toString(Math.max(0, Duration.between(s.inputs().lastOrderAt(), now).toDays())),
                String.join(" ", s.audiences()));
    }
}
