package dev.storecrm.privacyrequests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.messaging.AddressHash;
import dev.storecrm.domain.privacy.PersonalData;
import dev.storecrm.domain.privacy.PersonalDataEraser.Step;
import dev.storecrm.localcloud.Template;
import dev.storecrm.privacyrequests.PrivacyRequestsService.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The service with the requests in memory: each request kept once by type and request id, the rest refused. */
class PrivacyRequestsServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

    private final InMemoryPrivacy privacy = new InMemoryPrivacy();
    private final Map<String, String> kept = privacy.kept;
    private final PrivacyRequestsService service = new PrivacyRequestsService(privacy, privacy, privacy, CLOCK);

    @Test
    void aRequestIsKeptOnceAndAnotherEventOfItChangesNothing() throws IOException {
        String erasure = sample("privacy-requests/customer-erasure-requested.json");
        assertEquals(Outcome.ERASED, service.handle(erasure));
        assertEquals(Outcome.ERASED, service.handle(erasure));
        assertEquals(Outcome.ERASED, service.handle(erasure.replace("evt-20261122-0402", "evt-20261122-0499")));
        assertEquals(Outcome.EXPORTED, service.handle(sample("privacy-requests/customer-data-requested.json")));
        assertEquals(Map.of("CustomerErasureRequested#dsr-2026-0018", "evt-20261122-0402",
                "CustomerDataRequested#dsr-2026-0017", "evt-20261122-0401"), kept);
    }

    @Test
    void aDataRequestAndAnErasureRequestOfTheSameIdAreTwoRequests() throws IOException {
        String data = sample("privacy-requests/customer-data-requested.json");
        service.handle(data);
        assertEquals(Outcome.ERASED, service.handle(data.replace("CustomerDataRequested", "CustomerErasureRequested")
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

    @Test
    void aDataRequestIsAnsweredWithTheExportOfItsMemberFoundByIdElseByAddress() throws IOException {
        privacy.add("c-1001", PersonalData.Part.PROFILE, Map.of("customerId", "c-1001", "name", "Ann"));
        privacy.add("c-2002", PersonalData.Part.PROFILE, Map.of("customerId", "c-2002", "name", "Bo"));
        privacy.emails.put("bo@example.com", List.of("c-2002"));
        String data = sample("privacy-requests/customer-data-requested.json");

        assertEquals(Outcome.EXPORTED, service.handle(data));
        assertEquals(Outcome.EXPORTED, service.handle(data.replace("\"customerId\": \"c-1001\",", "")
                .replace("member.1001@example.com", "Bo@Example.com").replace("dsr-2026-0017", "dsr-2026-0020")));
        assertEquals(Outcome.EXPORTED, service.handle(data.replace("\"customerId\": \"c-1001\",", "")
                .replace("member.1001@example.com", "nobody@example.com").replace("dsr-2026-0017", "dsr-2026-0021")));

        assertTrue(privacy.exports.get("dsr-2026-0017").contains("\"name\":\"Ann\""));
        assertTrue(privacy.exports.get("dsr-2026-0020").contains("\"name\":\"Bo\""));
        assertTrue(privacy.exports.get("dsr-2026-0021").contains("\"found\":false"), "no member: an empty export");
    }

    @Test
    void anErasureRunsEveryStepOnceAndARedeliveryAfterAFailureContinuesWhereItStopped() throws IOException {
        privacy.add("c-1003", PersonalData.Part.PROFILE, Map.of("customerId", "c-1003", "email", "m@example.com"));
        String erasure = sample("privacy-requests/customer-erasure-requested.json");
        privacy.failing = Step.DISPUTES;

        assertThrows(IllegalStateException.class, () -> service.handle(erasure));
        assertEquals(Set.of(), privacy.erased, "not done: the message goes back to the queue");
        assertEquals(Outcome.ERASED, service.handle(erasure));
        assertEquals(Outcome.ERASED, service.handle(erasure));

        List<String> steps = privacy.stepsRun.stream().map(s -> s.split(" ")[0]).toList();
        assertEquals(Arrays.stream(Step.values()).map(Step::name).toList(), steps, "each step once, in order");
        Set<String> subjects = privacy.stepsRun.stream().map(s -> s.substring(s.indexOf(' ') + 1))
                .collect(Collectors.toSet());
        assertEquals(1, subjects.size(), "one pseudonym across deliveries: " + subjects);
        assertTrue(subjects.iterator().next().matches("c-1003 erased-[0-9a-f-]{36}"), subjects.toString());
        assertEquals(Optional.of(AddressHash.of("m@example.com")),
                privacy.erasures.get("dsr-2026-0018").addressHash(), "the profile's address, hashed");
        assertEquals(Set.of("dsr-2026-0018"), privacy.erased);
    }

    @Test
    void aRequestByAnAddressThatTwoMembersHoldIsRefusedAndNeitherMemberIsErasedOrExported() throws IOException {
        privacy.add("c-1003", PersonalData.Part.PROFILE, Map.of("customerId", "c-1003", "name", "Account"));
        privacy.add("c-1004", PersonalData.Part.PROFILE, Map.of("customerId", "c-1004", "name", "Guest"));
        privacy.emails.put("member.1003@example.com", List.of("c-1003", "c-1004"));
        String erasure = sample("privacy-requests/customer-erasure-requested.json")
                .replace("\"customerId\": \"c-1003\",", "");
        String data = sample("privacy-requests/customer-data-requested.json").replace("\"customerId\": \"c-1001\",", "")
                .replace("member.1001@example.com", "Member.1003@Example.com");

        InvalidInputException refusal = assertThrows(InvalidInputException.class, () -> service.handle(erasure));
        assertEquals(RejectReason.AMBIGUOUS_SUBJECT, refusal.reason());
        assertTrue(refusal.getMessage().contains("customerId"), refusal.getMessage());
        assertEquals(RejectReason.AMBIGUOUS_SUBJECT, refused(data));
        assertEquals(List.of(), privacy.stepsRun, "no member erased");
        assertEquals(Set.of(), privacy.erased);
        assertEquals(Map.of(), privacy.exports, "no member's data exported for the other");

        String again = erasure.replace("\"subject\": {", "\"subject\": {\"customerId\": \"c-1004\",")
                .replace("evt-20261122-0402", "evt-20261122-0404");
        assertEquals(Outcome.ERASED, service.handle(again), "sent again with the member's id");
        assertTrue(privacy.stepsRun.stream().allMatch(step -> step.contains(" c-1004 ")), privacy.stepsRun.toString());
    }
}
