package dev.storecrm.carelists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.care.FollowUpBook;
import dev.storecrm.domain.care.FollowUpCall;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.StorePolicies;
import dev.storecrm.fixtures.memory.InMemoryCoupons;
import dev.storecrm.fixtures.memory.InMemoryMembers;
import dev.storecrm.fixtures.memory.InMemoryOccasionDiary;
import dev.storecrm.fixtures.memory.InMemoryRejects;
import dev.storecrm.fixtures.memory.InMemorySendLedger;
import dev.storecrm.fixtures.memory.InMemoryWinBackJournal;
import dev.storecrm.fixtures.triggers.SqsBatch;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ListExportFunction's service with in-memory ports: a queued export becomes one file and a record saying it is
 * done; a message that is no export is kept with its reason beside the others of its batch; an export the bucket
 * refuses is retried and stays running. The whole month's file and a redelivered job are CareListsServiceTest's.
 */
class ListExportServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StorePolicies STORE = StorePolicies.defaults();
    private static final YearMonth MAY = YearMonth.of(2027, 5);

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2027-05-20T02:00:00Z"));
    private final InMemoryMembers members = new InMemoryMembers(STORE.members(), clock);
    private final GreetingCalendar calendar = new GreetingCalendar(STORE.occasions());
    private final InMemorySendLedger ledger = new InMemorySendLedger();
    private final InMemoryCoupons coupons = new InMemoryCoupons();
    private final FollowUpColumns followUps = new FollowUpColumns(new FollowUpBook() {
        @Override
        public void record(FollowUpCall call) {
            throw new UnsupportedOperationException("an export records no call");
        }

        @Override
        public Optional<FollowUpCall> find(String list, YearMonth month, String customerId) {
            return Optional.empty();
        }
    }, StorePolicies.STORE_ZONE);
    private final InMemoryExportStore store = new InMemoryExportStore();
    private final List<String> queued = new ArrayList<>();
    private final ExportJobs jobs = new ExportJobs(store, queued::add, Duration.ofMinutes(15), Duration.ofMinutes(35),
            clock);
    private final InMemoryRejects rejects = new InMemoryRejects();
    private final SqsBatchProcessor batch = new SqsBatchProcessor(ListExportWiring.CONSUMER, rejects,
            MetricsFactory.getMetricsInstance(), clock);

    @Test
    void aQueuedExportOfAnEmptyListIsStillAFileWithItsHeaderAndItsRecordSaysDone() {
        String id = jobs.start(new ExportRequest("dormant", MAY, "birthday")).get("id").asText();
        clock.advance(Duration.ofSeconds(5));

        assertEquals("EXPORTED", service(store).handle(queued.getFirst()));

        assertEquals("\uFEFF" + String.join(",", DormantList.COLUMNS) + "\r\n", store.files.get("exports/" + id
                + "/dormant-" + MAY + ".csv"), "a spreadsheet's byte order mark, the columns, no member yet");
        JsonNode record = record(id);
        assertEquals("done", record.get("status").asText());
        assertEquals(0, record.get("rows").asInt());
        assertEquals(clock.instant().toString(), record.get("finishedAt").asText());
    }

    @Test
    void messagesThatAreNoExportAreKeptWithTheirReasonAndTheExportBesideThemIsWritten() {
        String id = jobs.start(new ExportRequest("birthdays", MAY, "wedding")).get("id").asText();
        String everyone = queued.getFirst().replace("\"birthdays\"", "\"everyone\"")
                .replace(id, "5b0e8d6e-0000-4000-8000-000000000000");

        SQSBatchResponse response = batch.process(SqsBatch.of("{not json", "{\"list\":\"dormant\"}", everyone,
                queued.getFirst()).event(), service(store)::handle);

        assertEquals(List.of(), response.getBatchItemFailures(), "a message that is no export is not retried");
        assertEquals(List.of(RejectReason.SCHEMA_VIOLATION, RejectReason.SCHEMA_VIOLATION,
                RejectReason.SCHEMA_VIOLATION), rejects.reasons());
        assertTrue(rejects.kept().get(2).detail().contains("list must be birthdays or dormant, not 'everyone'"),
                rejects.kept().get(2).detail());
        assertEquals("done", record(id).get("status").asText(), "the good export was written all the same");
        assertTrue(store.files.containsKey("exports/" + id + "/wedding-anniversaries-" + MAY + ".csv"));
    }

    @Test
    void anExportTheBucketRefusesIsRetriedAndItsRecordStaysRunning() {
        String id = jobs.start(new ExportRequest("dormant", MAY, "birthday")).get("id").asText();
        ExportStore down = new ExportStore() {
            @Override
            public Upload upload(String key, String fileName) {
                throw new IllegalStateException("S3 answered 503");
            }

            @Override
            public void put(String key, String json) {
                store.put(key, json);
            }

            @Override
            public Optional<String> read(String key) {
                return store.read(key);
            }

            @Override
            public URI link(String key, Duration validFor) {
                return store.link(key, validFor);
            }
        };

        SQSBatchResponse response = batch.process(SqsBatch.single("m-1", queued.getFirst()), service(down)::handle);

        assertEquals(List.of("m-1"), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList(), "SQS delivers it again");
        assertEquals(List.of(), rejects.kept(), "not refused: the export itself was good");
        assertEquals("running", record(id).get("status").asText());
    }

    private ListExportService service(ExportStore to) {
        return new ListExportService(new ListExport(to), to,
                new BirthdayList(new InMemoryOccasionDiary(calendar, 2), calendar, members, STORE.members(), ledger,
                        coupons, InMemoryCoupons.CODES, followUps, clock),
                new DormantList(new InMemoryWinBackJournal(), members, STORE.members(), ledger, coupons,
                        members.orders(), StorePolicies.STORE_ZONE, followUps, clock), clock);
    }

    private JsonNode record(String id) {
        try {
            return JSON.readTree(store.read(ExportJob.recordKey(id)).orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
