package dev.storecrm.domain.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.CartEvent.CartUpdated;
import dev.storecrm.domain.event.CartEvent.CheckoutCompleted;
import dev.storecrm.domain.event.DisputeEvent.DisputeOpened;
import dev.storecrm.domain.event.DisputeEvent.DisputeUpdated;
import dev.storecrm.domain.event.DisputeEvent.Proposal;
import dev.storecrm.domain.event.MemberEvent.MemberRegistered;
import dev.storecrm.domain.event.MemberEvent.MemberUpdated;
import dev.storecrm.domain.event.MemberEvent.StatusChange;
import dev.storecrm.domain.event.OrderEvent.Line;
import dev.storecrm.domain.event.OrderEvent.OrderCancelled;
import dev.storecrm.domain.event.OrderEvent.OrderPaid;
import dev.storecrm.domain.event.OrderEvent.OrderPlaced;
import dev.storecrm.domain.event.OrderEvent.OrderRefunded;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.member.Consent;
import dev.storecrm.domain.member.ContactPreference;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.member.Profile;
import dev.storecrm.domain.member.ProfileChanges;
import dev.storecrm.domain.member.ProfileField;
import dev.storecrm.domain.time.RecurringDate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads canonical events (contract version 1, {@code events/schemas/}) from JSON. Anything that
 * does not fit the contract is an {@link InvalidInputException} naming the field and the rule.
 * The receiving consumer's clock is given so that an event from the future is refused
 * ({@link EventLimits}).
 */
public final class EventParser {

    public static final int SUPPORTED_VERSION = 1;

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern RECURRING_DATE = Pattern.compile("(\\d{4}|-)-\\d{2}-\\d{2}");
    private static final Pattern ANNIVERSARY_KIND = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern HTTPS_URL = Pattern.compile("https://[^\\s]{1,2000}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final Pattern COUPON_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DISPUTE_STATUS = Pattern.compile(
            "awaiting_seller_confirmation|negotiating|awaiting_return_shipment|awaiting_return_receipt"
                    + "|escalated|resolved|closed");
    private static final Pattern RESOLUTION = Pattern.compile("refunded|rejected|withdrawn");

    private static final Set<String> ENVELOPE = Set.of("id", "type", "version", "occurredAt", "source", "body");
    private static final Set<String> PROFILE_FIELDS = Set.of(
            "name", "email", "phone", "locale", "timeZone", "birthday", "anniversaries", "country",
            "contactPreference", "marketingConsent", "referrerId");
    private static final Set<String> CONTACT_FIELDS =
            Set.of("name", "email", "phone", "locale", "timeZone", "country", "marketingConsent");

    private EventParser() {}

    /** Parses one event from its JSON text, received at the clock's instant. */
    public static StoreEvent parse(String json, Clock receivedBy) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON,
                    "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON, "empty message body");
        }
        return parse(root, receivedBy);
    }

    /** Parses one event from a JSON tree, received at the clock's instant. */
    public static StoreEvent parse(JsonNode root, Clock receivedBy) {
        JsonFields envelope = JsonFields.object(root, "").allowOnly(ENVELOPE);
        String id = envelope.identifier("id");
        String typeName = envelope.string("type", 64);
        EventType type = EventType.fromWire(typeName).orElseThrow(() -> new InvalidInputException(
                RejectReason.UNKNOWN_EVENT_TYPE, "type '" + typeName.replaceAll("[^A-Za-z0-9]", "?")
                        + "' is not a canonical event type"));
        long version = envelope.integer("version", 1, Integer.MAX_VALUE);
        if (version != SUPPORTED_VERSION) {
            throw new InvalidInputException(RejectReason.UNSUPPORTED_VERSION,
                    type + " version " + version + " is not supported; this build reads version " + SUPPORTED_VERSION);
        }
        OffsetDateTime occurredAt = envelope.dateTime("occurredAt");
        EventLimits.requireNotAhead(occurredAt, receivedBy.instant());
        envelope.optionalString("source", 128);
        EventMeta meta = new EventMeta(id, type, (int) version, occurredAt);
        JsonFields body = envelope.object("body");
        return switch (type) {
            case OrderPlaced -> orderPlaced(meta, body);
            case OrderPaid -> orderPaid(meta, body);
            case OrderCancelled -> orderCancelled(meta, body);
            case OrderRefunded -> orderRefunded(meta, body);
            case CartUpdated -> cartUpdated(meta, body);
            case CheckoutCompleted -> checkoutCompleted(meta, body);
            case MemberRegistered -> memberRegistered(meta, body);
            case MemberUpdated -> memberUpdated(meta, body);
            case DisputeOpened -> disputeOpened(meta, body);
            case DisputeUpdated -> disputeUpdated(meta, body);
        };
    }

    private static OrderPlaced orderPlaced(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("orderId", "customerId", "total", "lines", "cartId", "couponCodes"));
        return new OrderPlaced(meta, body.identifier("orderId"), body.identifier("customerId"), body.money("total"),
                lines(body, 1), body.optionalIdentifier("cartId").orElse(null),
                body.strings("couponCodes", COUPON_CODE, "a coupon code of 1 to 64 letters, digits, _ or -", 20));
    }

    private static OrderPaid orderPaid(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("orderId", "customerId", "amount", "customer"));
        ProfileChanges contact = body.optionalObject("customer")
                .map(customer -> profileChanges(customer.allowOnly(CONTACT_FIELDS)))
                .orElse(ProfileChanges.NONE);
        return new OrderPaid(meta, body.identifier("orderId"), body.identifier("customerId"), body.money("amount"),
                contact);
    }

    private static OrderCancelled orderCancelled(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("orderId", "customerId", "reason"));
        return new OrderCancelled(meta, body.identifier("orderId"), body.identifier("customerId"),
                body.optionalString("reason", 500).orElse(null));
    }

    private static OrderRefunded orderRefunded(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("orderId", "customerId", "refundId", "amount", "reason"));
        return new OrderRefunded(meta, body.identifier("orderId"), body.identifier("customerId"),
                body.identifier("refundId"), body.money("amount"), body.optionalString("reason", 500).orElse(null));
    }

    private static CartUpdated cartUpdated(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("cartId", "customerId", "email", "lines", "total", "recoveryUrl", "locale", "timeZone"));
        Optional<String> timeZone = body.optionalTimeZone("timeZone").map(ZoneId::getId);
        return new CartUpdated(meta, body.identifier("cartId"), body.optionalIdentifier("customerId"),
                body.optionalEmail("email"), lines(body, 0), body.money("total"),
                body.optionalMatching("recoveryUrl", HTTPS_URL, "an https URL"),
                body.optionalMatching("locale", LOCALE, "a BCP 47 language tag such as zh-CN or en"), timeZone);
    }

    private static CheckoutCompleted checkoutCompleted(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("cartId", "orderId", "customerId"));
        return new CheckoutCompleted(meta, body.identifier("cartId"), body.identifier("orderId"),
                body.optionalIdentifier("customerId"));
    }

    private static MemberRegistered memberRegistered(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("customerId", "profile"));
        return new MemberRegistered(meta, body.identifier("customerId"),
                profileChanges(body.object("profile").allowOnly(PROFILE_FIELDS)));
    }

    private static MemberUpdated memberUpdated(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("customerId", "profile", "membership"));
        ProfileChanges profile = body.optionalObject("profile")
                .map(p -> profileChanges(p.allowOnly(PROFILE_FIELDS)))
                .orElse(ProfileChanges.NONE);
        Optional<StatusChange> membership = body.optionalObject("membership").map(m -> {
            m.allowOnly(Set.of("status", "reason"));
            String status = m.matching("status", Pattern.compile("active|frozen|cancelled"),
                    "one of active, frozen, cancelled");
            return new StatusChange(MembershipStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                    m.optionalString("reason", 500).orElse(null));
        });
        if (body.has("profile") && profile.isEmpty()) {
            throw JsonFields.violation("body.profile", "must name at least one field to change");
        }
        if (profile.isEmpty() && membership.isEmpty()) {
            throw JsonFields.violation("body", "must change the profile or the membership");
        }
        return new MemberUpdated(meta, body.identifier("customerId"), profile, membership);
    }

    private static DisputeOpened disputeOpened(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("disputeId", "orderId", "customerId", "channel", "reason", "amount", "status",
                "evidenceDueBy", "buyerProposal"));
        Optional<Instant> evidenceDueBy = body.optionalDateTime("evidenceDueBy").map(OffsetDateTime::toInstant);
        evidenceDueBy.ifPresent(due -> EventLimits.requireEvidenceAfterOpening(body.path("evidenceDueBy"),
                meta.instant(), due));
        return new DisputeOpened(meta, body.identifier("disputeId"), body.identifier("orderId"),
                body.identifier("customerId"), body.matching("channel", CHANNEL, "a channel id such as aliexpress"),
                body.enumValue("reason", DisputeEvent.Reason.class), body.money("amount"),
                body.optionalMatching("status", DISPUTE_STATUS, "a dispute status of the contract"), evidenceDueBy,
                body.optionalObject("buyerProposal").map(EventParser::proposal));
    }

    private static DisputeUpdated disputeUpdated(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("disputeId", "status", "resolution", "proposal", "evidenceDueBy", "note",
                "returnTrackingNumber"));
        Optional<Instant> evidenceDueBy = body.optionalDateTime("evidenceDueBy").map(OffsetDateTime::toInstant);
        evidenceDueBy.ifPresent(due -> EventLimits.requireEvidenceNotBeyond(body.path("evidenceDueBy"),
                meta.instant(), due));
        return new DisputeUpdated(meta, body.identifier("disputeId"),
                body.optionalMatching("status", DISPUTE_STATUS, "a dispute status of the contract"),
                body.optionalMatching("resolution", RESOLUTION, "one of refunded, rejected, withdrawn"),
                body.optionalObject("proposal").map(EventParser::proposal), evidenceDueBy,
                body.optionalString("note", 4000), body.optionalString("returnTrackingNumber", 64));
    }

    private static Proposal proposal(JsonFields proposal) {
        proposal.allowOnly(Set.of("party", "refund", "returnGoods", "text"));
        return new Proposal(proposal.enumValue("party", DisputeEvent.Party.class), proposal.money("refund"),
                proposal.bool("returnGoods"), proposal.optionalString("text", 2000));
    }

    private static List<Line> lines(JsonFields body, int minItems) {
        return body.objects("lines", minItems, 500).stream().map(line -> {
            line.allowOnly(Set.of("sku", "name", "quantity", "unitPrice", "imageUrl"));
            return new Line(line.identifier("sku"), line.string("name", 300), (int) line.integer("quantity", 1, 10_000),
                    line.money("unitPrice"), line.optionalMatching("imageUrl", HTTPS_URL, "an https URL").orElse(null));
        }).toList();
    }

    /** Reads a (possibly partial) profile: present fields are set, JSON null clears a field. */
    private static ProfileChanges profileChanges(JsonFields p) {
        Profile values = Profile.EMPTY;
        Set<ProfileField> fields = EnumSet.noneOf(ProfileField.class);
        for (ProfileField field : ProfileField.values()) {
            String name = field.wire();
            if (!p.has(name)) {
                continue;
            }
            fields.add(field);
            if (p.isNull(name)) {
                continue;
            }
            values = values.with(field, switch (field) {
                case NAME -> p.string(name, 200);
                case EMAIL -> p.email(name);
                case PHONE -> p.matching(name, PHONE, "a phone number in E.164 form, e.g. +8613800000000");
                case LOCALE -> p.matching(name, LOCALE, "a BCP 47 language tag such as zh-CN or en");
                case TIME_ZONE -> p.timeZone(name);
                case BIRTHDAY -> recurringDate(p, name);
                case ANNIVERSARIES -> anniversaries(p.object(name));
                case COUNTRY -> p.matching(name, COUNTRY, "an ISO 3166 alpha-2 country code");
                case CONTACT_PREFERENCE -> p.enumValue(name, ContactPreference.class);
                case MARKETING_CONSENT -> consent(p.object(name));
                case REFERRER_ID -> p.identifier(name);
            });
        }
        return new ProfileChanges(values, fields);
    }

    private static Map<String, RecurringDate> anniversaries(JsonFields dates) {
        Map<String, RecurringDate> result = new HashMap<>();
        for (Iterator<String> kinds = dates.rawFieldNames(); kinds.hasNext(); ) {
            String kind = kinds.next();
            if (!ANNIVERSARY_KIND.matcher(kind).matches()) {
                throw JsonFields.violation(dates.path(kind),
                        "is not an anniversary kind (lower-case letters, digits, _)");
            }
            result.put(kind, recurringDate(dates, kind));
        }
        return result;
    }

    private static RecurringDate recurringDate(JsonFields fields, String name) {
        String text = fields.matching(name, RECURRING_DATE, "a date YYYY-MM-DD, or --MM-DD without the year");
        int year = text.startsWith("--") ? RecurringDate.EARLIEST_YEAR : Integer.parseInt(text.substring(0, 4));
        if (year < RecurringDate.EARLIEST_YEAR || year > RecurringDate.LATEST_YEAR) {
            throw new InvalidInputException(RejectReason.DATE_OUT_OF_RANGE, fields.path(name)
                    + " must name a year from " + RecurringDate.EARLIEST_YEAR + " to " + RecurringDate.LATEST_YEAR
                    + ", or none (--MM-DD)");
        }
        try {
            return RecurringDate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(RejectReason.IMPOSSIBLE_DATE,
                    fields.path(name) + " is not a real calendar date");
        }
    }

    private static Consent consent(JsonFields consent) {
        consent.allowOnly(Set.of("granted", "at", "source"));
        return new Consent(consent.bool("granted"), consent.dateTime("at").toInstant(), consent.string("source", 64));
    }
}
