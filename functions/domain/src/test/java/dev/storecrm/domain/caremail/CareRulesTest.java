package dev.storecrm.domain.caremail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CareRulesTest {

    private final CareRules rules = CareRules.load("");

    @Test
    void chineseMailIsClassifiedByItsKeywords() {
        assertEquals("delivery", rules.classify("包裹还没到", "你好，我的快递一周了还没收到，物流也不更新。", false)
                .category().name());
        assertEquals("returns", rules.classify("申请退货", "衣服尺码不合适，想退货退款。", false).category().name());
        assertEquals("invoice", rules.classify("发票", "请帮我开具增值税发票，抬头是公司名称。", false).category().name());
        assertEquals("product", rules.classify("咨询", "这款有没有蓝色？材质是什么？", false).category().name());
        CareRules.Classification complaint = rules.classify("投诉", "客服态度太差，我要投诉！", false);
        assertEquals("complaint", complaint.category().name());
        assertTrue(complaint.urgent());
        assertEquals(Duration.ofHours(4), complaint.answerWithin(rules));
    }

    @Test
    void englishMailIsClassifiedByItsKeywords() {
        assertEquals("delivery", rules.classify("Where is my parcel?", "The tracking has not moved for a week.", false)
                .category().name());
        assertEquals("returns", rules.classify("Refund please", "I would like to return the shoes.", false)
                .category().name());
        assertEquals("invoice", rules.classify("Invoice", "Could you send an invoice with our VAT number?", false)
                .category().name());
        assertEquals("complaint", rules.classify("Complaint", "This is unacceptable and I am disappointed.", false)
                .category().name());
        CareRules.Classification other = rules.classify("Hello", "Do you have a shop in Berlin?", false);
        assertEquals("other", other.category().name());
        assertFalse(other.urgent());
        assertEquals(Duration.ofHours(24), other.answerWithin(rules));
    }

    @Test
    void aWordOnlyCountsFromItsStartAndTheSubjectWeighsDouble() {
        // "profit" holds "fit" (product) but not at a word's start; the subject's "refund" outweighs one "size".
        assertEquals("other", rules.classify("Hi", "Our profit is up.", false).category().name());
        assertEquals("returns", rules.classify("Refund", "The size was wrong.", false).category().name());
    }

    @Test
    void aComplaintWordMakesAMailUrgentWhateverItsCategory() {
        CareRules.Classification late = rules.classify("包裹还没到", "快递一周了还没收到，物流不更新，我要投诉！", false);
        assertEquals("delivery", late.category().name());
        assertTrue(late.urgent());
        assertFalse(rules.classify("包裹还没到", "快递一周了还没收到。", false).urgent());
    }

    @Test
    void anOpenDisputeMakesAnyMailUrgentWithTheShorterDeadline() {
        CareRules.Classification question = rules.classify("Size?", "Which size fits me?", true);
        assertEquals("product", question.category().name());
        assertTrue(question.urgent());
        assertEquals(Duration.ofHours(4), question.answerWithin(rules));
    }

    @Test
    void orderNumbersAreFoundInBothLanguages() {
        assertEquals(List.of("o-7001"), rules.orderNumbers("Hi, my order #o-7001 has not arrived."));
        assertEquals(List.of("20270104123"), rules.orderNumbers("订单号：20270104123 还没发货"));
        assertEquals(List.of("A1234", "shopify:450789469"),
                rules.orderNumbers("Order no. A1234 and order shopify:450789469"));
        assertEquals(List.of(), rules.orderNumbers("I ordered last week"));
    }

    @Test
    void theStoreOverridesACategoryAddsOneAndMovesTheUrgentDeadline() {
        CareRules store = CareRules.load("""
                {"urgentAnswerWithin": "PT2H",
                 "categories": [
                   {"name": "wholesale", "label": {"en": "Wholesale", "zh-CN": "批发"}, "answerWithin": "PT48H",
                    "keywords": {"en": ["wholesale", "bulk order"], "zh-CN": ["批发", "大宗"]}},
                   {"name": "complaint", "label": {"en": "Complaint"}, "urgent": true, "answerWithin": "PT8H",
                    "keywords": {"en": ["complaint"], "zh-CN": ["投诉"]}}]}
                """);
        assertEquals("wholesale", store.classify("批发咨询", "我们想批发一百件。", false).category().name());
        assertEquals("other", store.categories().getLast().name(), "the fallback stays last");
        CareRules.Classification complaint = store.classify("Complaint", "a complaint", false);
        assertEquals(Duration.ofHours(2), complaint.answerWithin(store));
        assertEquals("other", store.classify("Hi", "terrible", false).category().name(),
                "the override replaced the bundled complaint keywords");
    }

    @Test
    void rulesThatDoNotReadAreAStartUpErrorNamingTheField() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CareRules.load(
                "{\"categories\": [{\"name\": \"Bad Name\"}]}"));
        assertTrue(e.getMessage().contains("Bad Name"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> CareRules.load("{\"defaultCategory\": \"missing\"}"));
        assertThrows(IllegalStateException.class, () -> CareRules.load("not json"));
    }
}
