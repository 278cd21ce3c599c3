package dev.storecrm.domain.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.TestEvents;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The repository's templates/ as the sender renders them. */
public class MessageRendererTest {

    static final Path TEMPLATES = TestEvents.eventsDirectory().getParent().resolve("templates");

    public static Optional<String> read(String path) {
        Path file = TEMPLATES.resolve(path);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final MessageRenderer renderer = new MessageRenderer(MessageRendererTest::read, List.of("zh-CN", "en"),
            "zh-CN", SubjectPrefixes.parse(SubjectPrefixes.DEFAULT));

    /** The store's postal address, with characters HTML must escape. */
    private static final String POSTAL_ADDRESS = "Tea & Co <Unit 5>, 88 Example Road, Hangzhou 310000";

    private static Map<String, Object> variables(String name, Map<String, Object> data) {
        Map<String, Object> variables = new HashMap<>(data);
        variables.put("recipient", Map.of("name", name));
        variables.put("store", Map.of("name", "Sample Tea House", "url", "https://shop.example.com",
                "postalAddress", POSTAL_ADDRESS));
        variables.put("unsubscribeUrl", "https://unsubscribe.example.com/?token=abc&x=1");
        return variables;
    }

    @Test
    void memberSuppliedTextArrivesEscapedInHtmlAndPlainInText() {
        RenderedMessage message = renderer.render("store-news", "en",
                variables("<script>alert(1)</script> O'Brien", Map.of("headline", "Tea & more", "message", "<b>new</b>",
                        "link", "https://shop.example.com/new")), Category.marketing);
        assertFalse(message.html().contains("<script>"), message.html());
        assertTrue(message.html().contains("&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien"), message.html());
        assertTrue(message.html().contains("&lt;b&gt;new&lt;/b&gt;"));
        assertTrue(message.text().contains("<script>alert(1)</script> O'Brien"), "plain text is not HTML");
        assertEquals("[AD] Tea & more", message.subject());
    }

    @Test
    void chineseMarketingSubjectsCarryTheAdvertisingMark() {
        RenderedMessage message = renderer.render("store-news", "zh-CN",
                variables("王", Map.of("headline", "春茶上新", "message", "明前龙井",
                        "link", "https://shop.example.com")),
                Category.marketing);
        assertEquals("【广告】春茶上新", message.subject());
        assertTrue(message.html().contains("一键退订"), "the unsubscribe link is in the footer");
        assertTrue(message.text().contains("https://unsubscribe.example.com/?token=abc&x=1"));
    }

    @Test
    void smsTextsComeFromTheirOwnTemplateOnOneLineAndATemplateWithoutOneIsRefused() {
        RenderedSms sms = renderer.renderSms("store-news", "zh-CN",
                variables("王", Map.of("headline", "春茶上新", "message", "明前龙井", "link", "https://shop.example.com")),
                Category.marketing);
        assertEquals(new RenderedSms("store-news", "zh-CN", "【Sample Tea House】春茶上新 https://shop.example.com"), sms);
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> renderer.renderSms("order-follow-up", "en", variables("Ann", Map.of("orderId", "o-1")),
                        Category.transactional));
        assertEquals(RejectReason.UNKNOWN_TEMPLATE, missing.reason());
    }

    @Test
    void transactionalMailHasNoPrefixAndNoUnsubscribeFooter() {
        RenderedMessage message = renderer.render("order-follow-up", "en", variables("Ann", Map.of("orderId", "o-1")),
                Category.transactional);
        assertEquals("How is your order o-1?", message.subject());
        assertFalse(message.html().contains("Unsubscribe"));
        assertFalse(message.html().contains("88 Example Road") || message.text().contains("88 Example Road"),
                "the postal address is a marketing footer's");
    }

    @Test
    void theLocaleFallsBackToTheSameLanguageThenTheStoreDefault() {
        Map<String, Object> data = variables("A", Map.of("orderId", "o-1"));
        assertEquals("zh-CN", renderer.render("order-follow-up", "zh-TW", data, Category.transactional).locale());
        assertEquals("en", renderer.render("order-follow-up", "en-GB", data, Category.transactional).locale());
        assertEquals("zh-CN", renderer.render("order-follow-up", "fr", data, Category.transactional).locale());
        assertEquals("zh-CN", renderer.render("order-follow-up", null, data, Category.transactional).locale());
    }

    @Test
    void aMissingVariableIsAnErrorNotAnEmptyEmail() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> renderer.render("order-follow-up", "en", variables("A", Map.of()), Category.transactional));
        assertEquals(RejectReason.TEMPLATE_ERROR, error.reason());
        assertTrue(error.detail().contains("orderId"), error.detail());
    }

    @Test
    void anUnknownTemplateIsAnError() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> renderer.render("no-such-template", "en", Map.of(), Category.transactional));
        assertEquals(RejectReason.UNKNOWN_TEMPLATE, error.reason());
    }

    @Test
    void aTemplateMayNotPrintUnescapedValues() {
        MessageRenderer sloppy = new MessageRenderer(path -> path.endsWith("body.html")
                ? Optional.of("<p>{{{name}}}</p>") : read(path.replace("sloppy", "order-follow-up")),
                List.of("en"), "en", SubjectPrefixes.parse(SubjectPrefixes.DEFAULT));
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> sloppy.render("sloppy", "en", variables("A", Map.of("orderId", "o")), Category.transactional));
        assertEquals(RejectReason.TEMPLATE_ERROR, error.reason());
    }

    /** Every template in every locale renders its own sample data (templates/&lt;id&gt;/sample.json). */
    @TestFactory
    Stream<DynamicTest> everyTemplateRendersItsSample() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> samples;
        try (Stream<Path> dirs = Files.list(TEMPLATES)) {
            samples = dirs.filter(d -> !d.getFileName().toString().startsWith("_"))
                    .map(d -> d.resolve("sample.json")).toList();
        }
        assertFalse(samples.isEmpty());
        return samples.stream().flatMap(sample -> {
            JsonNode spec;
            try {
                spec = json.readTree(sample.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String template = sample.getParent().getFileName().toString();
            Category category = Category.valueOf(spec.get("category").asText());
            return Stream.of("zh-CN", "en").map(locale -> DynamicTest.dynamicTest(template + "/" + locale, () -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> data = json.convertValue(spec.get("locales").get(locale), Map.class);
                RenderedMessage message = renderer.render(template, locale,
                        variables(spec.get("recipient").get("name").asText(), data), category);
                assertEquals(locale, message.locale(), "the template exists in " + locale);
                assertFalse(message.subject().isBlank());
                assertTrue(message.html().startsWith("<!DOCTYPE html>"));
                assertFalse(message.text().isBlank());
                if (category == Category.marketing) {
                    assertTrue(message.html().contains("Tea &amp; Co &lt;Unit 5&gt;, 88 Example Road"),
                            "the footer carries the postal address, escaped");
                    assertTrue(message.text().contains(POSTAL_ADDRESS), "the text footer carries the postal address");
                    RenderedSms sms = renderer.renderSms(template, locale,
                            variables(spec.get("recipient").get("name").asText(), data), category);
                    assertEquals(locale, sms.locale(), "the SMS text exists in " + locale);
                    SmsSegments.Count count = SmsSegments.count(sms.text() + " 拒收请回复R");
                    assertTrue(count.parts() <= 3, "the sample SMS with its opt-out line fits 3 parts: " + count);
                    assertFalse(sms.text().contains("\n"), "an SMS is one line");
                }
            }));
        });
    }
}
