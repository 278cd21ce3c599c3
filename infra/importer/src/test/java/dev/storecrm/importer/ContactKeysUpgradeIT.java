package dev.storecrm.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.platform.dynamodb.DynamoDbMemberFile;
import dev.storecrm.platform.messaging.Pacer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Members archived by the real member archive, then stripped of their lookup keys as a stack deployed
 * before the member view holds them: the member view's own index reads ({@link DynamoDbMemberFile})
 * cannot find them by address or number; after {@code ./dev upgrade contact-keys}'s pass they can,
 * every one, a second pass changes nothing, and a pass stopped half-way resumes after its checkpoint.
 */
@ExtendWith(FreshLocalCloud.class)
class ContactKeysUpgradeIT {

    private static final Instant NOW = Instant.parse("2026-12-15T00:00:00Z");
    /** More than two scan pages. */
    private static final int MEMBERS = 230;

    @TempDir
    Path dir;

    private LocalCloud cloud;
    private DynamoDbMemberFile view;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void archiveMembersWithoutTheirKeys(LocalCloud cloud) {
        this.cloud = cloud;
        LocalFunctions functions = cloud.functions(new SimulatedClock(NOW));
        for (int i = 0; i < MEMBERS; i++) {
            String id = "c-" + i;
            var registered = Events.memberRegistered(id).email("Member." + i + "@Example.com").at(NOW.minusSeconds(60));
            if (i % 10 == 0) {
                registered.phone("+861380000" + String.format("%04d", i));
            }
            if (i == 7) {
                registered.without("email"); // neither an address nor a number: nothing to key
            }
            cloud.eventBus().publish(registered.json(), "test", NOW);
        }
        functions.drainAll();
        String table = cloud.tableName("MembersTable");
        IntStream.range(0, MEMBERS).forEach(i -> cloud.dynamoDb().updateItem(u -> u.tableName(table)
                .key(Map.of("customerId", AttributeValue.fromS("c-" + i)))
                .updateExpression("REMOVE emailKey, phoneKey")));
        this.view = new DynamoDbMemberFile(cloud.dynamoDb(), new DynamoDbMemberFile.Tables(table,
                cloud.tableName("OrdersTable"), cloud.tableName("PointsLedgerTable"), cloud.tableName("WinBackTable"),
                cloud.tableName("OccasionsTable"), cloud.tableName("CartsTable"), cloud.tableName("DisputesTable"),
                cloud.tableName("SendLedgerTable")));
    }

    @Test
    void afterOnePassEveryMemberIsFoundByAddressAndNumberAndASecondPassChangesNothing() {
        assertEquals(List.of(), view.idsByEmail("member.3@example.com", 10), "before: the index does not know them");

        assertEquals(0, pass(Optional.empty()));
        for (int i = 0; i < MEMBERS; i++) {
            if (i != 7) {
                assertEquals(List.of("c-" + i), view.idsByEmail("member." + i + "@example.com", 10), "member " + i);
            }
        }
        assertEquals(List.of("c-30"), view.idsByPhone("+8613800000030", 10));
        assertTrue(printed().contains("230 members read; keys written on 229; 0 had them; 0 changed meanwhile (the "
                + "archive keyed them); 1 have neither an address nor an international number"), printed());
        assertFalse(Files.exists(checkpoint()), "a complete pass leaves no checkpoint");

        printed.reset();
        assertEquals(0, pass(Optional.empty()));
        assertTrue(printed().contains("keys written on 0; 229 had them"), printed());
    }

    @Test
    void aPassStoppedAfterItsFirstPageResumesAfterItsCheckpointAndKeysTheRest() throws Exception {
        ContactKeysBackfill backfill = backfill();
        assertThrows(IllegalStateException.class, () -> backfill.run(Optional.empty(), last -> {
            ContactKeysUpgrade.write(checkpoint(), last);
            throw new IllegalStateException("the connection dropped");
        }, out()));
        String after = Files.readString(checkpoint());

        assertEquals(0, pass(Optional.of(after)));
        assertTrue(printed().contains("130 members read"), printed());
        long found = IntStream.range(0, MEMBERS).filter(i -> i != 7)
                .filter(i -> !view.idsByEmail("member." + i + "@example.com", 10).isEmpty()).count();
        assertEquals(MEMBERS - 1, found, "the first page's members and the rest");
    }

    @Test
    void theCommandRefusesWhatItCannotRunWithTheRule() {
        assertEquals(2, ContactKeysUpgrade.run(List.of("contact-keys"), out(), dir));
        assertEquals(2, ContactKeysUpgrade.run(List.of("contact-keys", "--members-table", "t", "--rate", "0"), out(),
                dir));
        assertEquals(2, ContactKeysUpgrade.run(List.of("orders"), out(), dir));
        assertTrue(printed().contains("--members-table is required"), printed());
        assertTrue(printed().contains("--rate must be a whole number of updates per second, at least 1: 0"), printed());
        assertTrue(printed().contains("unknown upgrade orders"), printed());
    }

    private int pass(Optional<String> resumeAfter) {
        return ContactKeysUpgrade.pass(backfill(), resumeAfter, checkpoint(), out());
    }

    private ContactKeysBackfill backfill() {
        return new ContactKeysBackfill(cloud.dynamoDb(), cloud.tableName("MembersTable"), new Pacer(10_000));
    }

    private Path checkpoint() {
        return dir.resolve("contact-keys.checkpoint");
    }

    private PrintStream out() {
        return new PrintStream(printed, true, StandardCharsets.UTF_8);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
