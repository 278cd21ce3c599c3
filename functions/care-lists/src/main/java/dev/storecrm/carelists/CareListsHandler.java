package dev.storecrm.carelists;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.domain.occasion.OccasionPolicy;
import dev.storecrm.platform.AwsClients;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.OccasionSettings;
import dev.storecrm.platform.Secrets;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.WinBackSettings;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbMemberArchive;
import dev.storecrm.platform.dynamodb.DynamoDbOccasionDiary;
import dev.storecrm.platform.dynamodb.DynamoDbOrderHistory;
import dev.storecrm.platform.dynamodb.DynamoDbSendLedger;
import dev.storecrm.platform.dynamodb.DynamoDbWinBackJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * CareListsFunction, behind a Lambda function URL that only signed (IAM) requests reach: the lists
 * customer-care staff work from.
 *
 * <ul>
 *   <li>{@code GET /birthdays?month=2026-06[&kind=birthday]}: this month's birthday members;</li>
 *   <li>{@code GET /dormant?month=2026-06}: the dormant member wake-up follow-up list;</li>
 *   <li>{@code GET /wake-up?from=2026-04-01&to=2026-06-30}: the wake-up rate per win-back step.</li>
 * </ul>
 * Each is CSV (UTF-8 with a byte order mark) unless {@code format=json} is asked for. A month
 * defaults to the current one in the store's time zone; the wake-up period to the last 90 days.
 * A bad parameter gets 400 with what was wrong. The lists hold personal data: the responses are
 * never cached and nothing of them is logged.
 */
public final class CareListsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(CareListsHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A function URL response carries at most 6 MB; headers and framing need a little of it. */
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024 - 64 * 1024;

    private final BirthdayList birthdays;
    private final DormantList dormant;
    private final WakeUpReport wakeUp;
    private final ZoneId storeZone;
    private final Clock clock;

    public CareListsHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public CareListsHandler(Map<String, String> environment, Clock clock) {
        Settings settings = new Settings(environment);
        AwsClients aws = new AwsClients(settings);
        DynamoDbClient dynamoDb = aws.dynamoDb();
        OccasionPolicy occasions = OccasionSettings.from(settings);
        MemberPolicy memberPolicy = MemberPolicySettings.from(settings);
        MemberArchive members = new DynamoDbMemberArchive(dynamoDb, settings.required("MEMBERS_TABLE"), clock);
        var ledger = new DynamoDbSendLedger(dynamoDb, settings.required("SEND_LEDGER_TABLE"),
                Duration.ofDays(settings.longValue("LEDGER_RETENTION_DAYS", 400)));
        CouponCodes codes = new CouponCodes(Secrets.read(aws.secretsManager(), settings.required("COUPON_CODE_KEY_SECRET")));
        var coupons = new DynamoDbCouponBook(dynamoDb, settings.required("COUPONS_TABLE"), codes);
        var journal = new DynamoDbWinBackJournal(dynamoDb, settings.required("WINBACK_TABLE"));
        var orders = new DynamoDbOrderHistory(dynamoDb, settings.required("ORDERS_TABLE"));
        GreetingCalendar calendar = new GreetingCalendar(occasions);
        this.storeZone = OccasionSettings.storeZone(settings);
        this.clock = clock;
        this.birthdays = new BirthdayList(new DynamoDbOccasionDiary(dynamoDb, settings.required("OCCASIONS_TABLE"),
                calendar, (int) settings.longValue("GREETING_SHARDS", 4)), calendar, members, memberPolicy, ledger,
                coupons, codes, clock);
        this.dormant = new DormantList(journal, members, memberPolicy, ledger, coupons, orders, storeZone, clock);
        this.wakeUp = new WakeUpReport(journal, ledger, coupons, orders, WinBackSettings.from(settings).wakeUpWindow(),
                storeZone, clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return PowertoolsLogging.withLogging(context, () -> respond(request));
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent request) {
        String method = request.getRequestContext() == null || request.getRequestContext().getHttp() == null
                ? "GET" : request.getRequestContext().getHttp().getMethod();
        String path = Optional.ofNullable(request.getRawPath()).orElse("/");
        Map<String, String> query = Optional.ofNullable(request.getQueryStringParameters()).orElse(Map.of());
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return error(405, "only GET is served", Map.of("Allow", "GET"));
        }
        try {
            Format format = Format.of(query.get("format"), header(request, "accept"));
            LocalDate today = clock.instant().atZone(storeZone).toLocalDate();
            YearMonth thisMonth = YearMonth.from(today);
            String name;
            Table table;
            switch (path) {
                case "/birthdays" -> {
                    YearMonth month = month(query, thisMonth);
                    String kind = query.getOrDefault("kind", "birthday").trim();
                    if (!kind.matches("[a-z][a-z0-9-]{0,31}")) {
                        throw new BadRequest("kind must be an occasion kind such as birthday or wedding, not '" + kind + "'");
                    }
                    name = (kind.equals("birthday") ? "birthdays" : kind + "-anniversaries") + "-" + month;
                    table = birthdays.of(month, kind);
                }
                case "/dormant" -> {
                    YearMonth month = month(query, thisMonth);
                    name = "dormant-" + month;
                    table = dormant.of(month);
                }
                case "/wake-up" -> {
                    LocalDate to = date(query, "to", today);
                    LocalDate from = date(query, "from", to.minusDays(89));
                    if (to.isBefore(from)) {
                        throw new BadRequest("'to' (" + to + ") is before 'from' (" + from + ")");
                    }
                    if (from.plusYears(2).isBefore(to)) {
                        throw new BadRequest("a wake-up period is at most two years; ask for shorter periods");
                    }
                    name = "wake-up-" + from + "-to-" + to;
                    table = wakeUp.between(from, to);
                }
                default -> {
                    return error(404, "no such list: " + path + " (lists: /birthdays, /dormant, /wake-up)", Map.of());
                }
            }
            LOG.info("list served", entry("list", path), entry("rows", table.rows().size()));
            APIGatewayV2HTTPResponse response = format.response(table, name);
            if (response.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
                return error(413, "the list has " + table.rows().size() + " rows, more than a function URL response "
                        + "can carry (6 MB); ask for a shorter period", Map.of());
            }
            return response;
        } catch (BadRequest e) {
            return error(400, e.getMessage(), Map.of());
        }
    }

    private static YearMonth month(Map<String, String> query, YearMonth fallback) {
        String value = query.get("month");
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest("month must be a calendar month such as 2026-06, not '" + value + "'");
        }
    }

    private static LocalDate date(Map<String, String> query, String name, LocalDate fallback) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be a date such as 2026-06-30, not '" + value + "'");
        }
    }

    private static Optional<String> header(APIGatewayV2HTTPEvent request, String name) {
        if (request.getHeaders() == null) {
            return Optional.empty();
        }
        return request.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    private static APIGatewayV2HTTPResponse error(int status, String message, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/json");
        all.put("Cache-Control", "no-store");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(all)
                .withBody(JSON.createObjectNode().put("error", message).toString()).build();
    }

    private enum Format {
        CSV, JSON;

        static Format of(String asked, Optional<String> accept) {
            if (asked != null && !asked.isBlank()) {
                return switch (asked.trim().toLowerCase(Locale.ROOT)) {
                    case "csv" -> CSV;
                    case "json" -> JSON;
                    default -> throw new BadRequest("format must be csv or json, not '" + asked + "'");
                };
            }
            return accept.filter(a -> a.contains("application/json") && !a.contains("text/csv")).isPresent() ? JSON : CSV;
        }

        APIGatewayV2HTTPResponse response(Table table, String name) {
            boolean csv = this == CSV;
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of(
                            "Content-Type", csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
                            "Content-Disposition", (csv ? "attachment" : "inline") + "; filename=\"" + name
                                    + (csv ? ".csv" : ".json") + "\"",
                            "Cache-Control", "no-store"))
                    .withBody(csv ? table.toCsv() : table.toJson()).build();
        }
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
