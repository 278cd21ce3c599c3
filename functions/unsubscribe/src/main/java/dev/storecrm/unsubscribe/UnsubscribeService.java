package dev.storecrm.unsubscribe;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.messaging.SuppressionList;
import dev.storecrm.domain.messaging.LinkTokens;
import dev.storecrm.domain.messaging.LinkTokens.Verification;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unsubscribes the subject of a valid token from marketing, at once: the suppression list stops
 * the sender immediately, and the member archive is told that consent was withdrawn (a
 * MemberUpdated event published on the store bus, as any producer would), so the archive and the store know it too.
 */
public final class UnsubscribeService {

    private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeService.class);

    /** What a request came to. */
    public sealed interface Result {
        record Unsubscribed(LinkTokens.Subject subject) implements Result {}

        record Refused(String reason) implements Result {}
    }

    private final LinkTokens tokens;
    private final SuppressionList suppressions;
    private final BiConsumer<String, Instant> consentWithdrawn;
    private final Clock clock;

    /**
     * @param consentWithdrawn tells the member archive that a member (by customer id) withdrew consent at a moment
     */
    public UnsubscribeService(LinkTokens tokens, SuppressionList suppressions,
                              BiConsumer<String, Instant> consentWithdrawn, Clock clock) {
        this.tokens = tokens;
        this.suppressions = suppressions;
        this.consentWithdrawn = consentWithdrawn;
        this.clock = clock;
    }

    /** Checks a token without changing anything (the confirmation page of a GET). */
    public Verification check(String token) {
        return tokens.verify(token, LinkTokens.Purpose.UNSUBSCRIBE);
    }

    public Result unsubscribe(String token) {
        Verification verification = tokens.verify(token, LinkTokens.Purpose.UNSUBSCRIBE);
        if (verification instanceof Verification.Invalid invalid) {
            LOG.warn("unsubscribe refused", entry("reason", invalid.reason()));
            return new Result.Refused(invalid.reason());
        }
        LinkTokens.Subject subject = ((Verification.Valid) verification).subject();
        Instant now = clock.instant();
        if (subject.isMember()) {
            suppressions.suppressMember(subject.id(), SuppressionList.Reason.UNSUBSCRIBED,
                    SuppressionList.Scope.MARKETING, now);
            consentWithdrawn.accept(subject.id(), now);
            LOG.info("member unsubscribed from marketing", entry("customerId", subject.id()));
        } else {
            suppressions.suppressAddressHash(subject.id(), SuppressionList.Reason.UNSUBSCRIBED,
                    SuppressionList.Scope.MARKETING, now);
            LOG.info("address unsubscribed from marketing", entry("addressHash", subject.id()));
        }
        return new Result.Unsubscribed(subject);
    }
}
