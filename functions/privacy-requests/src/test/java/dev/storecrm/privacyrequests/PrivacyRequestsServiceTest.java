package dev.storecrm.privacyrequests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.PrivacyEvent;
import dev.storecrm.domain.privacy.PrivacyRequests;
import dev.storecrm.localcloud.Template;
import dev.storecrm.privacyrequests.PrivacyRequestsService.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service with the requests in memory: each request kept once by type and request id, the rest refused. */
class PrivacyRequestsServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

    /** Kept requests by type and request id: the event's id and JSON. */
    private final Map<String, String> kept = new LinkedHashMap<>();
    private final PrivacyRequests requests = (PrivacyEvent request, String json, Instant receivedAt) ->
            kept.putIfAbsent(request.meta().type() + "#" + request.requestId(), request.meta().id()) == null;
    private final PrivacyRequestsService service = new PrivacyRequestsService(requests, CLOCK);

    @Test
    void aRequestIsKeptOnceAndAnotherEventOfItChangesNothing() throws IOException {
        String erasure = sample("privacy-requests/customer-erasure-requested.json");
        assertEquals(Outcome.KEPT, service.handle(erasure));
        assertEquals(Outcome.ALREADY_KEPT, service.handle(erasure));
        assertEquals(Outcome.ALREADY_KEPT, service.handle(erasure.replace("evt-20261122-0402", "evt-20261122-0499")));
        assertEquals(Outcome.KEPT, service.handle(sample("privacy-requests/customer-data-requested.json")));
        assertEquals(Map.of("CustomerErasureRequested#dsr-2026-0018", "evt-20261122-0402",
                "CustomerDataRequested#dsr-2026-0017", "evt-20261122-0401"), kept);
    }

    @Test
    void aDataRequestAndAnErasureRequestOfTheSameIdAreTwoRequests() throws IOException {
        String data = sample("privacy-requests/customer-data-requested.json");
        service.handle(data);
        assertEquals(Outcome.KEPT, service.handle(data.replace("CustomerDataRequested", "CustomerErasureRequested")
                .replace("evt-20261122-0401", "evt-20261122-0403")));
        assertEquals(2, kept.size());
    }

    @Test
    void storeActivityAndInvalidRequestsAreRefusedWithTheirReasons() throws IOException {
        assertEquals(RejectReason.NOT_FOR_THIS_CONSUMER, refused(sample("invalid/order-paid-on-privacy-queue.json")));
        assertEquals(RejectReason.UNSUPPORTED_VERSION, refused(sample("invalid/erasure-request-in-version-1.json")));
        assertEquals(RejectReason.DATE_OUT_OF_RANGE,
                refused(sample("invalid/erasure-request-deadline-before-request.json")));
        assertEquals(Map.of(), kept);
    }

    private RejectReason refused(String body) {
        return assertThrows(InvalidInputException.class, () -> service.handle(body)).reason();
    }

    private static String sample(String path) throws IOException {
        return Files.readString(Template.projectRoot().resolve("events").resolve(path));
    }
}
