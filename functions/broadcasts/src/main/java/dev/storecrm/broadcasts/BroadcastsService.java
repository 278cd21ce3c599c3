package dev.storecrm.broadcasts;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.broadcast.Broadcast;
import dev.storecrm.domain.broadcast.BroadcastBook;
import dev.storecrm.domain.broadcast.BroadcastDelivery;
import dev.storecrm.domain.broadcast.BroadcastJson;
import dev.storecrm.domain.broadcast.BroadcastPage;
import dev.storecrm.domain.broadcast.BroadcastPages;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marketers' door to broadcasts:
 *
 * <pre>
 * POST /broadcasts                          define a broadcast (a draft; {@link BroadcastJson} for the body)
 * GET  /broadcasts?limit&amp;next                the store's broadcasts newest first, a page at a time (summaries)
 * GET  /broadcasts/{campaignId}             its definition, status, counts and what the sender did (delivery)
 * POST /broadcasts/{campaignId}/schedule    start a draft: its pages fan out once its window opens somewhere
 * POST /broadcasts/{campaignId}/cancel      stop it: pages not yet handed to the outbox are never handed over
 * </pre>
 * Answers 400 with the field and rule for a bad definition, 404 for an unknown campaign, 409 for a campaign id
 * already taken or a change its status does not allow.
 */
public final class BroadcastsService {

    /** The console groups served: marketers run campaigns; admins may too. */
    static final Set<String> GROUPS = Set.of("marketers", "admins");

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastsService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ONE = Pattern.compile("/broadcasts/([a-z0-9][a-z0-9-]{0,63})");
    private static final Pattern CURSOR = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z#[a-z0-9][a-z0-9-]{0,63}");
    private static final int LIST_LIMIT = 20;
    private static final Pattern ACTION = Pattern.compile("/broadcasts/([a-z0-9][a-z0-9-]{0,63})/([a-z]+)");

    private final BroadcastBook book;
    private final BroadcastPages pages;
    private final BroadcastDelivery delivery;
    private final Holdout storeHoldout;
    private final Clock clock;

    BroadcastsService(BroadcastBook book, BroadcastPages pages, BroadcastDelivery delivery, Holdout storeHoldout,
                      Clock clock) {
        this.book = book;
        this.pages = pages;
        this.delivery = delivery;
        this.storeHoldout = storeHoldout;
        this.clock = clock;
    }

    /** Serves one request of an authenticated caller. */
    public HttpAnswer handle(StaffRequest request) {
        String route = request.path().replaceAll("/+$", "");
        try {
            if (route.equals("/broadcasts")) {
                return switch (request.method()) {
                    case "POST" -> create(request);
                    case "GET" -> list(request.query());
                    default -> error(405, "method_not_allowed", "broadcasts are defined by a POST, listed by a GET");
                };
            }
            Matcher action = ACTION.matcher(route);
            if (action.matches()) {
                return request.method().equals("POST") ? act(action.group(1), action.group(2), request.caller())
                        : error(405, "method_not_allowed", "an action is a POST");
            }
            Matcher one = ONE.matcher(route);
            if (one.matches()) {
                return request.method().equals("GET") ? view(one.group(1))
                        : error(405, "method_not_allowed", "a broadcast is read by a GET");
            }
            return error(404, "not_found", "no route " + request.method() + " " + route);
        } catch (InvalidInputException bad) {
            return error(400, "bad_request", bad.detail());
        }
    }

    private HttpAnswer create(StaffRequest request) {
        Broadcast broadcast = BroadcastJson.read(request.body(), storeHoldout);
        if (!book.create(broadcast, request.caller(), clock.instant())) {
            return error(409, "conflict", "a broadcast " + broadcast.campaignId() + " exists: choose another id");
        }
        LOG.info("broadcast defined", entry("campaignId", broadcast.campaignId()));
        return HttpAnswer.json(201, view(book.find(broadcast.campaignId(), true).orElseThrow()).toString());
    }

    /** A page of summaries: the definition without its content or member list, where it is, its counts. */
    private HttpAnswer list(java.util.Map<String, String> query) {
        int limit = LIST_LIMIT;
        String asked = query.getOrDefault("limit", "").trim();
        if (!asked.isEmpty()) {
            limit = asked.matches("\\d{1,2}") ? Integer.parseInt(asked) : 0;
            if (limit < 1 || limit > BroadcastBook.MAX_LIST) {
                return error(400, "bad_request", "limit is a whole number from 1 to " + BroadcastBook.MAX_LIST);
            }
        }
        Optional<String> after = Optional.ofNullable(query.get("next")).map(String::trim).filter(n -> !n.isEmpty())
                .map(BroadcastsService::cursor);
        if (after.filter(a -> !CURSOR.matcher(a).matches()).isPresent()) {
            return error(400, "bad_request", "next must be the cursor a previous page gave");
        }
        BroadcastBook.Listing page = book.list(after, limit);
        ObjectNode body = JSON.createObjectNode();
        var rows = body.putArray("broadcasts");
        page.broadcasts().forEach(stored -> rows.add(summary(stored)));
        page.next().ifPresent(next -> body.put("next", java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(next.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return HttpAnswer.json(200, body.toString());
    }

    private static String cursor(String next) {
        try {
            return new String(java.util.Base64.getUrlDecoder().decode(next), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** A broadcast as a list shows it: its variants without their content, a member list as its size. */
    static ObjectNode summary(BroadcastBook.Stored stored) {
        ObjectNode node = view(stored);
        node.get("variants").forEach(variant -> ((ObjectNode) variant).remove("content"));
        ObjectNode audience = (ObjectNode) node.get("audience");
        if (audience.has("members")) {
            audience.put("members", audience.get("members").size());
        }
        return node;
    }

    private HttpAnswer act(String campaignId, String action, String caller) {
        Optional<BroadcastBook.Stored> stored = book.find(campaignId, true);
        if (stored.isEmpty()) {
            return error(404, "not_found", "no broadcast " + campaignId);
        }
        Instant now = clock.instant();
        switch (action) {
            case "schedule" -> {
                if (!book.schedule(campaignId, now)) {
                    return error(409, "conflict", "only a draft can be scheduled; this one is "
                            + stored.get().status().name().toLowerCase(java.util.Locale.ROOT));
                }
                firstPage(stored.get().broadcast(), now);
            }
            case "cancel" -> {
                if (!book.cancel(campaignId, caller, now)) {
                    return error(409, "conflict", "a broadcast that was sent or cancelled cannot be cancelled");
                }
            }
            default -> {
                return error(404, "not_found", "no action " + action + " (schedule, cancel)");
            }
        }
        LOG.info("broadcast " + action, entry("campaignId", campaignId));
        return HttpAnswer.json(200, view(book.find(campaignId, true).orElseThrow()).toString());
    }

    /**
     * Defines and starts a broadcast in one step, for a scheduled run (FestivalCampaignsFunction): true if it
     * started now, false if its campaign id was started before (a second run, a retry). A run that stopped between
     * the two steps left a draft, which the next one starts.
     */
    public boolean start(Broadcast broadcast, String by) {
        Instant now = clock.instant();
        book.create(broadcast, by, now);
        if (!book.schedule(broadcast.campaignId(), now)) {
            return false;
        }
        firstPage(broadcast, now);
        LOG.info("broadcast started", entry("campaignId", broadcast.campaignId()), entry("by", by));
        return true;
    }

    private void firstPage(Broadcast broadcast, Instant now) {
        Instant opens = broadcast.window().opensFirst();
        pages.send(BroadcastPage.first(broadcast.campaignId()), opens.isAfter(now) ? opens : now);
    }

    /** One broadcast with its delivery counts: two eventually consistent reads (the broadcast, its counts). */
    private HttpAnswer view(String campaignId) {
        return book.find(campaignId, false).map(stored -> HttpAnswer.json(200,
                        withDelivery(view(stored), stored, delivery.read(campaignId)).toString()))
                .orElseGet(() -> error(404, "not_found", "no broadcast " + campaignId));
    }

    /**
     * What the sender did with the requests: sent, not sent by reason code, held out (recorded, never sent), and
     * waiting (queued, not yet settled: before the member's window, put off by quiet hours or the cap); in all and
     * per variant.
     */
    static ObjectNode withDelivery(ObjectNode node, BroadcastBook.Stored stored, BroadcastDelivery.Tally tally) {
        Map<String, Long> queued = stored.counts().queued();
        ObjectNode all = figures(node.putObject("delivery"), tally.total(),
                queued.values().stream().mapToLong(Long::longValue).sum());
        ObjectNode variants = all.putObject("variants");
        stored.broadcast().variants().forEach(v -> figures(variants.putObject(v.name()), tally.of(v.name()),
                queued.getOrDefault(v.name(), 0L)));
        return node;
    }

    private static ObjectNode figures(ObjectNode node, BroadcastDelivery.Tally.Figures figures, long queued) {
        long notSent = figures.notSent().values().stream().mapToLong(Long::longValue).sum();
        node.put("sent", figures.sent());
        ObjectNode reasons = node.putObject("notSent");
        figures.notSent().forEach(reasons::put);
        return node.put("heldOut", figures.heldOut()).put("waiting", Math.max(0, queued - figures.sent() - notSent));
    }

    /** The definition, then where it is: status, pages handed over, counts, who cancelled it. */
    static ObjectNode view(BroadcastBook.Stored stored) {
        ObjectNode node;
        try {
            node = (ObjectNode) JSON.readTree(BroadcastJson.write(stored.broadcast()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a written definition reads back", e);
        }
        node.put("status", stored.status().name().toLowerCase(java.util.Locale.ROOT))
                .put("createdAt", stored.createdAt().toString()).put("createdBy", stored.createdBy())
                .put("pagesDone", stored.pagesDone());
        stored.finishedAt().ifPresent(at -> node.put("finishedAt", at.toString()));
        stored.cancelledBy().ifPresent(by -> node.put("cancelledBy", by));
        BroadcastBook.PageCounts counts = stored.counts();
        ObjectNode figures = node.putObject("counts").put("members", counts.members())
                .put("heldOut", counts.heldOut()).put("notFound", counts.notFound());
        ObjectNode queued = figures.putObject("queued");
        stored.broadcast().variants().forEach(v -> queued.put(v.name(), counts.queued().getOrDefault(v.name(), 0L)));
        return node;
    }

    private static HttpAnswer error(int status, String code, String reason) {
        JsonNode body = JSON.createObjectNode().put("error", code).put("reason", reason);
        return HttpAnswer.json(status, body.toString());
    }
}
