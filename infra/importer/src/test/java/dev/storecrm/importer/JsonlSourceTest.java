package dev.storecrm.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.RejectReason;
import dev.storecrm.localcloud.Template;
import dev.storecrm.platform.adapter.AdapterFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSONL file of canonical events: published as they are, refused lines kept with the parser's reason. */
class JsonlSourceTest {

    private final AdapterFixtures fx = new AdapterFixtures();

    @Test
    void theSampleFileIsPublishedEventByEventUnderItsOwnIds() {
        Path sample = Template.projectRoot().resolve("events/import/canonical-events.jsonl");
        JsonlSource source = new JsonlSource(sample, fx.bus(), fx.rejects("history-import"));
        source.records("").forEachRemaining(record -> record.map().run());
        assertEquals(18, fx.published.size());
        assertEquals("evt-20260301-0001", fx.published.getFirst().path("id").asText());
        assertEquals(List.of(), fx.kept);
        assertEquals(18, source.size().getAsLong());
    }

    @Test
    void aLineTheContractRefusesIsKeptWithItsNumberAndTheRestIsPublished(@TempDir Path dir) throws IOException {
        String good = AdapterFixtures.JSON.readTree(Files.readString(Template.projectRoot()
                .resolve("events/member-archive/01-member-registered.json"))).toString();
        Path file = dir.resolve("history.jsonl");
        Files.writeString(file, String.join("\n", good, "", "{\"id\":\"x\",\"type\":\"OrderPaid\"", good.replace(
                "evt-20260301-0001", "evt-20260301-0099").replace("\"version\":1", "\"version\":9")) + "\n");
        JsonlSource source = new JsonlSource(file, fx.bus(), fx.rejects("history-import"));
        source.records("").forEachRemaining(record -> record.map().run());
        assertEquals(1, fx.published.size());
        assertEquals(List.of("history.jsonl:3", "history.jsonl:4"), fx.kept.stream().map(k -> k.messageId()).toList());
        assertEquals(RejectReason.MALFORMED_JSON, fx.kept.get(0).reason());
        assertTrue(fx.kept.get(1).detail().startsWith("history.jsonl line 4: "), fx.kept.get(1).detail());
        assertEquals("line:3", source.records("line:1").next().position(), "blank lines are skipped; a resume goes on");
    }
}
