package dev.storecrm.domain.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.messaging.MessageRendererTest;
import dev.storecrm.domain.messaging.RenderedMessage;
import dev.storecrm.domain.messaging.SubjectPrefixes;
import dev.storecrm.domain.templates.DraftProblem.Code;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a marketer's draft must pass before it is published, with each refusal's specific reason. */
class DraftChecksTest {

    private static final String ADDRESS = "Tea & Co, 88 Example Road, Hangzhou 310000";
    private static final String LAYOUT_TXT = MessageRendererTest.read("_layout/en/layout.txt").orElseThrow();
    private static final String LAYOUT_HTML = MessageRendererTest.read("_layout/en/layout.html").orElseThrow();

    private final DraftChecks checks = new DraftChecks(MessageRendererTest::read, MessageRendererTest::read,
            List.of("zh-CN", "en"), "zh-CN", SubjectPrefixes.parse(SubjectPrefixes.DEFAULT),
            new TemplateSample.Store("Tea House", "https://tea.example.com", ADDRESS),
            List.of("birthday-greeting", "dispute-acknowledged"));

    @Test
    void aGoodDraftPassesAndRendersWithTheSampleAsTheSenderWould() {
        DraftChecks.Outcome outcome = checks.check("birthday-greeting", "en", Map.of(
                "subject.txt", "A gift for you, {{recipient.name}}",
                "body.html", "<p>Happy birthday!</p>{{#hasGift}}<p>Code <b>{{gift.code}}</b></p>{{/hasGift}}"));
        assertEquals(List.of(), outcome.problems());
        RenderedMessage message = outcome.rendered().getFirst();
        assertEquals("[AD] A gift for you, Sample Member Wang", message.subject());
        assertTrue(message.html().contains("Code <b>BIRT-7K3M9Q2X4T</b>"), message.html());
        assertTrue(message.text().contains("Everyone at Tea House"), "the part not given stays bundled");
    }

    @Test
    void aVariableTheSampleDoesNotProvideIsRefusedEvenInABranchTheSampleDoesNotTake() {
        assertEquals(List.of(new DraftProblem(Code.MISSING_VARIABLE, "body.html", "uses {{coupon.code}}, which the "
                        + "template's sample data and the sender do not provide")),
                checks.check("birthday-greeting", "en", Map.of("body.html", "<p>{{coupon.code}}</p>")).problems());
        assertEquals(List.of(Code.MISSING_VARIABLE), codes(checks.check("birthday-greeting", "en",
                Map.of("body.txt", "{{^hasGift}}No gift, {{memberLevel}}.{{/hasGift}}"))));
    }

    @Test
    void unescapedOutputAndChangedDelimitersAreRefused() {
        assertEquals(List.of(Code.UNESCAPED_OUTPUT), codes(checks.check("birthday-greeting", "en",
                Map.of("body.html", "<p>{{{recipient.name}}}</p>"))));
        assertEquals(List.of(Code.UNESCAPED_OUTPUT), codes(checks.check("birthday-greeting", "en",
                Map.of("body.html", "<p>{{&recipient.name}}</p>"))));
        assertEquals(List.of(Code.UNESCAPED_OUTPUT), codes(checks.check("birthday-greeting", "en",
                Map.of("body.html", "{{=<% %>=}}<p><% recipient.name %></p>"))));
    }

    @Test
    void aBrokenLayoutIsRefused() {
        assertEquals(List.of(Code.BROKEN_LAYOUT), codes(checks.check("birthday-greeting", "en",
                Map.of("body.html", "{{#hasGift}}<p>{{gift.code}}</p>"))), "an unclosed section");
        assertEquals(List.of(Code.BROKEN_LAYOUT), codes(checks.check("birthday-greeting", "en",
                Map.of("body.html", "{{#hasGift}}<p>{{gift.code}}</p>{{/doublePoints}}"))), "unbalanced sections");
        assertEquals(List.of(Code.BROKEN_LAYOUT), codes(checks.check("birthday-greeting", "en",
                Map.of("body.html", "<p>Hello</p>{{>footer}}"))), "a partial");
        assertEquals(List.of(Code.BROKEN_LAYOUT), codes(checks.check("_layout", "en",
                Map.of("layout.txt", LAYOUT_TXT.replace("{{body}}", "")))), "a layout without the body");
    }

    @Test
    void aLayoutWithoutTheMarketingFooterIsRefusedAndOneWithItPasses() {
        String noFooter = LAYOUT_HTML.replaceAll("\\{\\{#marketing}}.*\\{\\{/marketing}}", "");
        DraftChecks.Outcome outcome = checks.check("_layout", "en", Map.of("layout.html", noFooter));
        assertEquals(List.of(new DraftProblem(Code.MISSING_FOOTER, "birthday-greeting", "a marketing message ends "
                + "with the unsubscribe link and the store's postal address; birthday-greeting lacks them in its "
                + "HTML")), outcome.problems(), "the marketing probe fails; the transactional one needs no footer");
        DraftChecks.Outcome good = checks.check("_layout", "en",
                Map.of("layout.html", LAYOUT_HTML.replace("<title>", "<title>New: ")));
        assertEquals(List.of(), good.problems());
        assertEquals(2, good.rendered().size(), "every probe rendered");
        assertEquals(List.of(Code.UNESCAPED_OUTPUT), codes(checks.check("_layout", "en",
                Map.of("layout.html", LAYOUT_HTML.replace("{{store.name}}", "{{{store.name}}}")))),
                "a layout places the body raw, nothing else");
    }

    @Test
    void onlyBundledTemplatesAndTheirPartsCanBeOverridden() {
        assertEquals(List.of(Code.UNKNOWN_TEMPLATE), codes(checks.check("no-such", "en", Map.of("body.txt", "x"))));
        assertEquals(List.of(Code.UNKNOWN_TEMPLATE), codes(checks.check("birthday-greeting", "fr",
                Map.of("body.txt", "x"))));
        assertEquals(List.of(Code.BAD_PART), codes(checks.check("birthday-greeting", "en",
                Map.of("layout.html", "{{{body}}}"))));
        assertEquals(List.of(Code.BAD_PART), codes(checks.check("birthday-greeting", "en", Map.of())));
        assertEquals(List.of(Code.BAD_PART), codes(checks.check("birthday-greeting", "en",
                Map.of("body.txt", "x".repeat(DraftChecks.MAX_DRAFT_BYTES + 1)))));
    }

    @Test
    void aSubjectThatRendersEmptyIsRefused() {
        assertEquals(List.of(Code.RENDER_ERROR), codes(checks.check("dispute-acknowledged", "en",
                Map.of("subject.txt", "{{! a comment and nothing else }}"))));
    }

    private static List<Code> codes(DraftChecks.Outcome outcome) {
        return outcome.problems().stream().map(DraftProblem::code).toList();
    }
}
