package dev.storecrm.memberview;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.memberview.ContactKeys;
import dev.storecrm.domain.memberview.MemberFile;
import dev.storecrm.domain.rfm.RfmState;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member view, and the operators' actions on a member:
 *
 * <pre>
 * GET /members?id=c-1 | ?email=Ann@Example.com | ?phone=+86 138 0000 0000   the members found (at most 10)
 * GET /members/{customerId}                          the member view (first pages of every list)
 * GET /members/{customerId}/orders?limit=10&amp;next=... more orders (greatest order id first)
 * GET /members/{customerId}/points?limit=20&amp;before=. more ledger entries (newest first)
 * GET /members/{customerId}/mail?limit=20&amp;next=...   more mail (latest first)
 * POST /members/{customerId}/actions                 an operator's action (admins only, {@link MemberActions})
 * </pre>
 * An e-mail address or a phone number is looked up in its normalised form ({@link ContactKeys}) on
 * the archive's indexes, never by a scan; it travels in the query string and is never logged.
 * Answers 404 for an unknown member, 400 for a malformed request.
 */
public final class MemberViewService {

    /**
     * The console groups served: the care agents (who look up the customer of a dispute or a call) and
     * the admins. Marketers work on lists and results, not on one member's file (issue 20's groups).
     */
    static final Set<String> GROUPS = Set.of("agents", "admins");

    static final int MATCHES = 10;
    static final int ORDERS = 10;
    static final int ENTRIES = 20;
    static final int MAILS = 20;
    static final int CARTS = 10;
    static final int DISPUTES = 10;
    static final int WIN_BACK_STEPS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(MemberViewService.class);
    private static final Pattern MEMBER = Pattern.compile("/members/([^/]+)(?:/(orders|points|mail))?");
    private static final Pattern ACTIONS = Pattern.compile("/members/([^/]+)/actions");

    private final MemberArchive members;
    private final MemberFile file;
    private final Function<String, Optional<RfmState>> rfm;
    private final MemberViews views;
    private final MemberActions actions;
    private final Clock clock;

    MemberViewService(MemberArchive members, MemberFile file, Function<String, Optional<RfmState>> rfm,
                      MemberViews views, MemberActions actions, Clock clock) {
        this.members = members;
        this.file = file;
        this.rfm = rfm;
        this.views = views;
        this.actions = actions;
        this.clock = clock;
    }

    /** Serves one request of an authenticated caller (an IAM principal or a console user of the view's groups). */
    public HttpAnswer handle(StaffRequest request) {
        String route = request.path().replaceAll("/+$", "");
        try {
            Matcher action = ACTIONS.matcher(route);
            if (action.matches()) {
                return request.method().equals("POST") ? actions.act(request, identifier(action.group(1), "customerId"))
                        : answer(405, MemberViews.error("method_not_allowed", "an action is a POST"));
            }
            if (!request.method().equals("GET")) {
                return answer(405, MemberViews.error("method_not_allowed", "the member view only reads (GET)"));
            }
            if (route.equals("/members")) {
                return answer(200, search(request.query()));
            }
            Matcher member = MEMBER.matcher(route);
            if (!member.matches()) {
                return answer(404, MemberViews.error("not_found", "no route GET " + route));
            }
            String customerId = identifier(member.group(1), "customerId");
            Optional<MemberRecord> record = members.find(customerId, false).map(Revisioned::value);
            if (record.isEmpty()) {
                return answer(404, MemberViews.error("not_found", "no member " + customerId));
            }
            String part = member.group(2) == null ? "view" : member.group(2);
            LOG.info("member view", entry("customerId", customerId), entry("part", part));
            return answer(200, switch (part) {
                case "orders" -> views.orders(file.orders(customerId, limit(request.query(), ORDERS),
                        cursor(request.query(), "next")));
                case "points" -> points(customerId, request.query());
                case "mail" -> views.mails(file.mails(customerId, limit(request.query(), MAILS),
                        cursor(request.query(), "next")));
                default -> view(record.get());
            });
        } catch (InvalidInputException bad) {
            return answer(400, MemberViews.error("bad_request", bad.detail()));
        }
    }

    private ObjectNode search(Map<String, String> query) {
        Optional<String> id = cursor(query, "id");
        Optional<String> email = cursor(query, "email");
        Optional<String> phone = cursor(query, "phone");
        if (id.isPresent() ? email.isPresent() || phone.isPresent() : email.isPresent() == phone.isPresent()) {
            throw JsonFields.violation("query", "must give exactly one of id, email or phone");
        }
        List<String> ids;
        String by;
        if (id.isPresent()) {
            by = "id";
            ids = List.of(identifier(id.get(), "id"));
        } else if (email.isPresent()) {
            by = "email";
            ids = file.idsByEmail(ContactKeys.emailLookup(email.get()), MATCHES);
        } else {
            by = "phone";
            ids = file.idsByPhone(ContactKeys.phoneLookup(phone.get()), MATCHES);
        }
        Instant now = clock.instant();
        ObjectNode found = MemberViews.JSON.createObjectNode().put("by", by).put("limit", MATCHES);
        ArrayNode matches = found.putArray("members");
        for (String customerId : new LinkedHashSet<>(ids)) {
            members.find(customerId, false).map(Revisioned::value)
                    .ifPresent(record -> matches.add(views.match(record, now)));
        }
        LOG.info("member search", entry("by", by), entry("matches", matches.size()));
        return found;
    }

    private ObjectNode view(MemberRecord record) {
        Instant now = clock.instant();
        String customerId = record.customerId();
        ObjectNode view = views.member(record, rfm.apply(customerId), now);
        view.set("points", views.points(file.pointsAccount(customerId), file.pointsEntries(customerId, ENTRIES,
                OptionalLong.empty()), ENTRIES, now));
        view.set("orders", views.orders(file.orders(customerId, ORDERS, Optional.empty())));
        view.set("journeys", views.journeys(record, file.winBackSteps(customerId, WIN_BACK_STEPS),
                file.openCarts(customerId, CARTS), file.greetings(customerId), now));
        view.set("mail", views.mails(file.mails(customerId, MAILS, Optional.empty())));
        view.set("disputes", views.disputes(file.openDisputes(customerId, DISPUTES)));
        view.putObject("limits").put("orders", ORDERS).put("pointsEntries", ENTRIES).put("mail", MAILS)
                .put("carts", CARTS).put("disputes", DISPUTES).put("winBackSteps", WIN_BACK_STEPS);
        return view;
    }

    private ObjectNode points(String customerId, Map<String, String> query) {
        int limit = limit(query, ENTRIES);
        OptionalLong before = cursor(query, "before").map(b -> {
            try {
                return OptionalLong.of(Long.parseLong(b));
            } catch (NumberFormatException notANumber) {
                throw JsonFields.violation("before", "must be a ledger sequence number");
            }
        }).orElse(OptionalLong.empty());
        return views.points(file.pointsAccount(customerId), file.pointsEntries(customerId, limit, before), limit,
                clock.instant());
    }

    private static Optional<String> cursor(Map<String, String> query, String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
    }

    private static String identifier(String id, String name) {
        if (!JsonFields.IDENTIFIER.matcher(id).matches()) {
            throw JsonFields.violation(name, "is not a customer id (1 to 128 letters, digits or ._:/#@+=-)");
        }
        return id;
    }

    private static int limit(Map<String, String> query, int defaultLimit) {
        Optional<String> value = cursor(query, "limit");
        if (value.isEmpty()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.get());
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, as a range violation
        }
        throw JsonFields.violation("limit", "must be a whole number from 1 to 100");
    }

    private static HttpAnswer answer(int status, ObjectNode body) {
        return HttpAnswer.json(status, body.toString());
    }
}
