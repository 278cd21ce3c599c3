package dev.storecrm.domain;

import dev.storecrm.domain.event.EventMeta;
import dev.storecrm.domain.event.EventType;
import dev.storecrm.domain.event.MemberEvent.MemberRegistered;
import dev.storecrm.domain.event.MemberEvent.MemberUpdated;
import dev.storecrm.domain.event.MemberEvent.StatusChange;
import dev.storecrm.domain.event.OrderEvent.Line;
import dev.storecrm.domain.event.OrderEvent.OrderCancelled;
import dev.storecrm.domain.event.OrderEvent.OrderPaid;
import dev.storecrm.domain.event.OrderEvent.OrderPlaced;
import dev.storecrm.domain.event.OrderEvent.OrderRefunded;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.member.Profile;
import dev.storecrm.domain.member.ProfileChanges;
import dev.storecrm.domain.member.ProfileField;
import dev.storecrm.domain.money.Money;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builders of canonical events for tests, in the store currency CNY. */
public final class TestEvents {

    private TestEvents() {}

    public static EventMeta meta(String id, EventType type, String occurredAt) {
        return new EventMeta(id, type, 1, OffsetDateTime.parse(occurredAt));
    }

    public static Money cny(long fen) {
        return Money.of(fen, "CNY");
    }

    public static MemberRegistered registered(String id, String at, String customerId, Profile profile,
                                              Set<ProfileField> fields) {
        return new MemberRegistered(meta(id, EventType.MemberRegistered, at), customerId,
                new ProfileChanges(profile, fields));
    }

    public static MemberUpdated updated(String id, String at, String customerId, Profile profile,
                                        Set<ProfileField> fields) {
        return new MemberUpdated(meta(id, EventType.MemberUpdated, at), customerId,
                new ProfileChanges(profile, fields), Optional.empty());
    }

    public static MemberUpdated status(String id, String at, String customerId, MembershipStatus status) {
        return new MemberUpdated(meta(id, EventType.MemberUpdated, at), customerId, ProfileChanges.NONE,
                Optional.of(new StatusChange(status, "test")));
    }

    public static OrderPlaced placed(String id, String at, String customerId, String orderId, long fen) {
        return new OrderPlaced(meta(id, EventType.OrderPlaced, at), orderId, customerId, cny(fen),
                List.of(new Line("SKU-1", "Tea", 1, cny(fen), null)), null, List.of());
    }

    public static OrderPaid paid(String id, String at, String customerId, String orderId, long fen) {
        return new OrderPaid(meta(id, EventType.OrderPaid, at), orderId, customerId, cny(fen), ProfileChanges.NONE);
    }

    public static OrderCancelled cancelled(String id, String at, String customerId, String orderId) {
        return new OrderCancelled(meta(id, EventType.OrderCancelled, at), orderId, customerId, null);
    }

    public static OrderRefunded refunded(String id, String at, String customerId, String orderId, String refundId,
                                         long fen) {
        return new OrderRefunded(meta(id, EventType.OrderRefunded, at), orderId, customerId, refundId, cny(fen), null);
    }

    /** The project's {@code events/} directory, found from the working directory upwards. */
    public static Path eventsDirectory() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("events/schemas"))) {
                return d.resolve("events");
            }
        }
        throw new IllegalStateException("no events/schemas directory above " + Path.of("").toAbsolutePath());
    }
}
