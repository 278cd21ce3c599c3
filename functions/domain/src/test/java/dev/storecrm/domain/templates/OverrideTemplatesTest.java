package dev.storecrm.domain.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.messaging.MessageRendererTest;
import dev.storecrm.domain.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sender's template source: a live override's parts, else the bundle; reads counted, not timed. */
class OverrideTemplatesTest {

    private static final Instant START = Instant.parse("2027-03-01T02:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(START);
    private final InMemoryTemplateOverrides store = new InMemoryTemplateOverrides();
    private final OverrideTemplates templates = new OverrideTemplates(MessageRendererTest::read, store,
            Duration.ofSeconds(60), clock);

    @Test
    void withoutAnOverrideTheBundledFileIsReadAndTheStoreOnceAMinutePerTemplateAndLocale() {
        assertEquals(MessageRendererTest.read("birthday-greeting/en/body.html"),
                templates.apply("birthday-greeting/en/body.html"));
        templates.apply("birthday-greeting/en/subject.txt");
        templates.apply("birthday-greeting/en/body.txt");
        assertEquals(1, store.liveReads, "one read for all the parts of a template and locale");
        templates.apply("birthday-greeting/zh-CN/subject.txt");
        assertEquals(2, store.liveReads, "another locale is another override");
        clock.advance(Duration.ofSeconds(59));
        templates.apply("birthday-greeting/en/subject.txt");
        assertEquals(2, store.liveReads, "within the minute, from the cache");
        clock.advance(Duration.ofSeconds(1));
        templates.apply("birthday-greeting/en/subject.txt");
        assertEquals(3, store.liveReads, "after the minute, read again");
    }

    @Test
    void aPublishedOverrideTakesEffectOnceTheCacheRunsOutAndItsMissingPartsStayBundled() {
        templates.apply("cart-reminder/en/subject.txt");
        store.publish("cart-reminder", "en", Map.of("subject.txt", "Still thinking, {{recipient.name}}?"), "m",
                START, "published");
        assertEquals(MessageRendererTest.read("cart-reminder/en/subject.txt"),
                templates.apply("cart-reminder/en/subject.txt"), "the cached answer until the minute is over");
        clock.advance(Duration.ofSeconds(60));
        assertEquals(Optional.of("Still thinking, {{recipient.name}}?"),
                templates.apply("cart-reminder/en/subject.txt"));
        assertEquals(MessageRendererTest.read("cart-reminder/en/body.html"),
                templates.apply("cart-reminder/en/body.html"));

        store.publish("cart-reminder", "en", Map.of(), "m", START, "rollback to the bundled template");
        clock.advance(Duration.ofSeconds(60));
        assertEquals(MessageRendererTest.read("cart-reminder/en/subject.txt"),
                templates.apply("cart-reminder/en/subject.txt"), "version with no parts: the bundled template");
    }

    @Test
    void unknownTemplatesSamplesAndLocalesTheBundleLacksCostNoRead() {
        store.publish("birthday-greeting", "fr", Map.of("subject.txt", "Bonjour"), "m", START, "published");
        assertEquals(Optional.empty(), templates.apply("no-such-template/en/subject.txt"));
        assertEquals(Optional.empty(), templates.apply("birthday-greeting/fr/subject.txt"));
        assertEquals(MessageRendererTest.read("birthday-greeting/sample.json"),
                templates.apply("birthday-greeting/sample.json"));
        assertEquals(0, store.liveReads);
    }

    @Test
    void theLayoutIsOverriddenByItsOwnParts() {
        store.publish("_layout", "en", Map.of("layout.txt", "{{body}} -- {{store.name}}"), "m", START, "published");
        assertEquals(Optional.of("{{body}} -- {{store.name}}"), templates.apply("_layout/en/layout.txt"));
        assertEquals(MessageRendererTest.read("_layout/en/layout.html"), templates.apply("_layout/en/layout.html"));
    }
}
