package dev.storecrm.domain.dispute;

import dev.storecrm.domain.TestEvents;
import dev.storecrm.domain.event.DisputeEvent.Party;
import dev.storecrm.domain.event.DisputeEvent.Proposal;
import dev.storecrm.domain.event.DisputeEvent.Reason;
import dev.storecrm.domain.event.Stamp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Changes and rule packs for the dispute unit tests. */
final class DisputeFixtures {

    static final Path RULES = TestEvents.eventsDirectory().getParent().resolve("functions/disputes/src/main/resources");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private DisputeFixtures() {}

    static RulePacks bundled() {
        return RulePacks.load(DisputeFixtures::read, "", Optional.empty());
    }

    static Optional<String> read(String path) {
        Path file = RULES.resolve(path);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stamp stamp(String at, String id) {
        return new Stamp(Instant.parse(at), id);
    }

    static DisputeChange opened(String id, String at, String channel, Reason reason, boolean returnGoods) {
        Stamp stamp = stamp(at, "evt-open-" + id);
        return new DisputeChange(id, stamp, DisputeChange.Origin.opened,
                Optional.of(new Opening("o-1", "c-1", channel, reason, TestEvents.cny(25800), stamp)),
                Optional.of(DisputeStatus.awaiting_seller_confirmation), Optional.empty(),
                Optional.of(new Proposal(Party.buyer, TestEvents.cny(25800), returnGoods, Optional.empty())),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static DisputeChange status(String id, String at, String eventId, DisputeStatus status, Resolution resolution) {
        return new DisputeChange(id, stamp(at, eventId), DisputeChange.Origin.updated, Optional.empty(),
                Optional.ofNullable(status), Optional.ofNullable(resolution), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    static DisputeChange proposal(String id, String at, String eventId, Party party, long refund) {
        return new DisputeChange(id, stamp(at, eventId), DisputeChange.Origin.updated, Optional.empty(),
                Optional.empty(), Optional.empty(),
                Optional.of(new Proposal(party, TestEvents.cny(refund), false, Optional.of("offer"))),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
