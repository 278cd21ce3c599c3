package dev.storecrm.simulation.bill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bill's arithmetic against figures computed by hand. */
class AwsBillTest {

    private static final PriceTable PRICES = PriceTable.parse(List.of(
            "# test prices",
            "key,service,line,unit,usd_per_unit,source,confirmed",
            "req,Lambda,requests,request,0.0000002,https://example/lambda,assumed: test",
            "sched,EventBridge Scheduler,invocations,invocation,0.000001,https://example/scheduler,confirmed: test"));

    private static AwsBill.Line line(String key, String quantity, boolean fixed) {
        return new AwsBill.Line(PRICES.price(key), new BigDecimal(quantity), fixed, "test");
    }

    @Test
    void pricesQuantitiesAndScalesTheTenDayPeriodToThirtyDays() {
        // 2,000,000 requests x $0.0000002 = $0.40; 14,400 schedule firings (10 days of minutes) x $0.000001 = $0.0144
        AwsBill bill = new AwsBill(List.of(line("req", "2000000", false), line("sched", "14400", true)), 10, 1000);

        assertEquals(0, new BigDecimal("0.4144").compareTo(bill.total()));
        // x 30/10: $1.2432 a month, of which $0.0432 fixed (43,200 firings, the every-minute sweep's month)
        assertEquals(0, new BigDecimal("1.2432").compareTo(bill.monthly()));
        assertEquals(0, new BigDecimal("0.0432").compareTo(bill.monthlyFixed()));
        // $1.20 over 1,000 members = $0.0012 per member and month
        assertEquals(0, new BigDecimal("0.0012").compareTo(bill.monthlyVariablePerMember()));
        assertEquals(0, new BigDecimal("0.0012432").compareTo(bill.monthlyPerMember()));
        // 100,000 members: $0.0432 + 100,000 x $0.0012 = $120.0432
        assertEquals(0, new BigDecimal("120.0432").compareTo(bill.projectMonthly(100_000)));
    }

    @Test
    void theReportNamesEachLinesQuantityUnitAndPriceAndWhatDominates() {
        AwsBill bill = new AwsBill(List.of(line("req", "2000000", false), line("sched", "14400", true)), 10, 1000);

        String report = bill.render();

        assertTrue(report.contains("2,000,000.0 request"), report);
        assertTrue(report.contains("0.0000002"), report);
        assertTrue(report.contains("0.4000"), report);
        assertTrue(report.contains("a month (x 30/10): 1.2432 USD"), report);
        assertTrue(report.contains("dominant: Lambda requests"), report);
    }

    @Test
    void smsPartsFollowTheGsmAndUnicodeLimits() {
        assertEquals(1, RunBill.smsParts("a".repeat(160)));
        assertEquals(2, RunBill.smsParts("a".repeat(161)));
        assertEquals(1, RunBill.smsParts("生".repeat(70)));
        assertEquals(3, RunBill.smsParts("生".repeat(135)));
    }

    @Test
    void theShippedTableHasEveryPriceTheBillUsesEachWithASourceAndAVerdict() {
        PriceTable table = PriceTable.standard();
        for (String key : List.of("lambda.requests", "lambda.arm64.gbSeconds", "dynamodb.ondemand.read",
                "dynamodb.ondemand.write", "sqs.standard.requests", "eventbridge.custom.events",
                "scheduler.invocations", "ses.outbound", "sms.china.parts", "secretsmanager.calls",
                "secretsmanager.secrets", "cloudwatch.logs.ingested", "cloudwatch.metrics", "cloudwatch.alarms",
                "cloudwatch.dashboards")) {
            PriceTable.Price price = table.price(key);
            assertTrue(price.source().startsWith("https://aws.amazon.com/"), key);
            assertTrue(price.confirmed().startsWith("confirmed") || price.assumed(), key);
        }
    }

    @Test
    void aPriceTheTableLacksIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PRICES.price("nope"));
        assertEquals("the price table has no nope", e.getMessage());
    }
}
