package dev.storecrm.consoletests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.referral.Referral;
import dev.storecrm.domain.referral.ReferralStatus;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalInboundMail;
import dev.storecrm.localcloud.Template;
import dev.storecrm.simulation.ConsoleRun;
import dev.storecrm.platform.dynamodb.DynamoDbReferralBook;
import dev.storecrm.simulation.SimulationOptions;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in Debian's chromium (headless, driven by Selenium) against the local cloud after a
 * small simulated store: each group signs in with the local sign-in's real tokens and sees only its
 * pages; an agent works a dispute to resolution, sees a refusal in words and downloads its evidence
 * bundle; an admin freezes a member, after a refusal shown in words, and sets the member's tier;
 * a marketer pages a list, marks a follow-up call (a note with markup stays text), downloads
 * the list as CSV (page by page, and whole through an S3 link) and sees the charts; an agent answers a customer's
 * mail with a saved reply, edited, and closes it (gone from the queue); no page logs a
 * script error. Screenshots of every page in zh-CN and en go to {@code target/screenshots/}. One browser
 * and one store for the class.
 */
@ExtendWith(LocalCloudExtension.class)
class ConsoleBrowserIT {

    private static final Path TARGET = Template.projectRoot().resolve("infra/console-tests/target");
    private static final Path DOWNLOADS = TARGET.resolve("downloads");
    private static final Path SHOTS = TARGET.resolve("screenshots");

    private static final String MAIL_SUBJECT = "<img src=x onerror=alert(2)> Where is my parcel? order o-browser-11";
    private static final String CUSTOMER_MAIL = "From: Browser Member <Browser.Member@Example.com>\r\n"
            + "To: service@example.com\r\nSubject: " + MAIL_SUBJECT + "\r\n"
            + "Message-ID: <browser-parcel@example.com>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nMy parcel has not arrived.\r\n<b>Please help.</b>\r\n";

    private static ConsoleRun.Served served;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String url;

    @BeforeAll
    static void storeAndBrowser(LocalCloud cloud) throws IOException {
        cloud.reset();
        PrintStream quiet = new PrintStream(OutputStreamNull.INSTANCE, true, StandardCharsets.UTF_8);
        served = ConsoleRun.serve(cloud, new SimulationOptions(120, 35, 20270104L, false, LocalDate.of(2027, 1, 4),
                TARGET.resolve("simulation")), quiet, 0);
        // A dispute to work: the buyer (a member with orders, below) wants a refund without a return.
        cloud.eventBus().publishSample("disputes/dispute-opened.json", e -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) e.get("body")).put("disputeId", "d-browser-1")
                    .put("customerId", "c-browser-1");
            e.put("id", "evt-browser-1").put("occurredAt", served.clock().instant().minusSeconds(3600).toString());
        }, "test", served.clock().instant());
        memberWithOrders(cloud, served.clock().instant());
        // Members for the admin to act on (freeze; adjust points), apart from the member the other tests read.
        for (String member : List.of("c-browser-2", "c-browser-3")) {
            cloud.eventBus().publishSample("member-archive/01-member-registered.json", e -> {
                e.put("id", "evt-browser-member-" + member.charAt(10)).put("occurredAt",
                        served.clock().instant().minusSeconds(86_400).toString());
                ((com.fasterxml.jackson.databind.node.ObjectNode) e.get("body")).put("customerId", member);
            }, "test", served.clock().instant());
        }
        referrals(cloud, served.clock().instant().minus(Duration.ofHours(1)));
        served.functions().drainAll();
        // The member writes to the care address about a parcel, with markup in the subject.
        new LocalInboundMail(cloud).deliver(CUSTOMER_MAIL.getBytes(StandardCharsets.UTF_8),
                cloud.template().parameter("CareAddress").orElse("service@example.com"), served.clock().instant());
        served.functions().drainAll();
        url = served.server().url().toString();

        Files.createDirectories(DOWNLOADS);
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("console-chromium"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Two referrals of this month: one rewarded, one refused (a self-referral). */
    private static void referrals(LocalCloud cloud, java.time.Instant at) {
        DynamoDbReferralBook book = new DynamoDbReferralBook(cloud.dynamoDb(), cloud.tableName("ReferralsTable"));
        book.save(new Referral("c-ref-friend-1", "c-ref-host", ReferralStatus.REWARDED, Optional.of("o-ref-1"),
                Optional.of(at), Optional.of(at), Optional.empty(), 500, 0, true, at, Optional.of(at)),
                OptionalLong.empty());
        book.save(new Referral("c-ref-friend-2", "c-ref-friend-2", ReferralStatus.REFUSED, Optional.of("o-ref-2"),
                Optional.of(at), Optional.empty(), Optional.of("self-referral"), 0, 0, false, at, Optional.of(at)),
                OptionalLong.empty());
    }

    /** A member whose name is markup, with 12 orders of 399.00 CNY in the last months (the member page's store). */
    private static void memberWithOrders(LocalCloud cloud, java.time.Instant now) {
        cloud.eventBus().publishSample("member-archive/01-member-registered.json", e -> {
            e.put("id", "evt-browser-member").put("occurredAt", now.minus(Duration.ofDays(120)).toString());
            com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode)
                    e.get("body");
            body.put("customerId", "c-browser-1");
            ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("profile"))
                    .put("name", "<img src=x onerror=alert(1)>").put("email", "Browser.Member@Example.com")
                    .put("phone", "+8613800009999");
        }, "test", now);
        for (int i = 0; i < 12; i++) {
            String order = String.format("o-browser-%02d", i);
            String at = now.minus(Duration.ofDays(100 - 5L * i)).toString();
            for (String sample : List.of("member-archive/04-order-placed.json", "member-archive/05-order-paid.json")) {
                cloud.eventBus().publishSample(sample, e -> {
                    e.put("id", "evt-" + order + "-" + sample.charAt(16)).put("occurredAt", at);
                    ((com.fasterxml.jackson.databind.node.ObjectNode) e.get("body")).put("orderId", order)
                            .put("customerId", "c-browser-1");
                }, "test", now);
            }
        }
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (served != null) {
            served.server().close();
        }
    }

    @BeforeEach
    void fresh() {
        browser.get(url + "config.json");
        browser.executeScript("sessionStorage.clear(); localStorage.setItem('storecrm.lang', 'zh-CN');");
        browser.get(url);
        waitFor(By.name("username"));
    }

    @AfterEach
    void noScriptErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // A refused request (401, 403, 409) is logged by the browser as a failed load, not a script error.
                .filter(m -> !m.contains("Failed to load resource")).toList();
        assertEquals(List.of(), errors, "script errors in the browser log");
    }

    @Test
    void anAgentSeesOnlyTheDeskAndWorksADisputeToResolution() throws Exception {
        signIn("agent", "agent-local-1");
        navIs(List.of("争议处理", "客户邮件", "会员"));
        browser.get(url + "#/lists/birthdays");
        waitText(By.cssSelector("main .error"), "无权");
        browser.get(url + "#/disputes");
        WebElement allOpen = waitFor(By.cssSelector("main form"));
        new Select(browser.findElement(By.name("status"))).selectByValue("awaiting_seller_confirmation");
        wait.until(ExpectedConditions.stalenessOf(allOpen));
        waitFor(By.linkText("d-browser-1"));
        assertTrue(browser.findElement(By.cssSelector("main table")).getText().contains("剩余"),
                "each deadline counts down");
        shoot("disputes-queue");
        waitFor(By.linkText("d-browser-1")).click();
        waitText(By.cssSelector("main h1"), "d-browser-1");
        assertTrue(browser.findElement(By.cssSelector("section[aria-label='会员概要']")).isDisplayed());
        shoot("dispute-detail");
        String disputeUrl = browser.getCurrentUrl();
        waitFor(By.linkText("查看会员页")).click();
        waitText(By.cssSelector("main section[aria-label='未结争议']"), "d-browser-1");
        browser.get(disputeUrl);
        waitText(By.cssSelector("main h1"), "d-browser-1");

        waitFor(By.cssSelector("form[data-action='accept'] button[type=submit]")).click();
        waitText(By.cssSelector("main p.ok"), "已保存");
        String facts = browser.findElement(By.cssSelector("main dl")).getText();
        assertTrue(facts.contains("已解决"), "resolved: " + facts);
        browser.findElement(By.cssSelector("form[data-action='confirm-receipt'] button[type=submit]")).click();
        String refusal = waitText(By.cssSelector("form[data-action='confirm-receipt'] .error"), "未执行").getText();
        assertTrue(refusal.length() > "未执行: ".length() + 5, "the reason in words: " + refusal);

        Files.deleteIfExists(DOWNLOADS.resolve("evidence-d-browser-1.html"));
        browser.findElement(By.xpath("//button[contains(., 'HTML')]")).click();
        String evidence = downloaded("evidence-d-browser-1.html");
        assertTrue(evidence.contains("dispute-acknowledged") && evidence.contains("dispute-apology"),
                "every message to the customer, with the send ledger's word: " + evidence);
        assertTrue(evidence.contains("console:agent") && evidence.contains("confirm_receipt"),
                "the history: who accepted, and the refused confirmation");
    }

    @Test
    void anAgentAnswersCustomerMailFromTheConsoleAndClosesIt() {
        signIn("agent", "agent-local-1");
        browser.get(url + "#/care");
        waitFor(By.linkText(MAIL_SUBJECT));
        assertTrue(browser.findElement(By.cssSelector("main table")).getText().contains("剩余"),
                "each answer deadline counts down");
        shoot("care-queue");
        waitFor(By.linkText(MAIL_SUBJECT)).sendKeys(Keys.ENTER);
        waitText(By.cssSelector("main h1"), "Where is my parcel?");
        waitFor(By.cssSelector("section[aria-label='会员概要'] table"));
        assertTrue(browser.findElements(By.cssSelector("main img")).isEmpty(), "customer text stays text");
        assertTrue(browser.findElement(By.cssSelector("main .thread")).getText().contains("<b>Please help.</b>"));
        String member = browser.findElement(By.cssSelector("section[aria-label='会员概要']")).getText();
        assertTrue(member.contains("c-browser-1") && member.contains("o-browser-"),
                "the member the mail matched, with recent orders: " + member);
        shoot("care-conversation");

        WebElement saved = waitFor(By.id("saved-reply"));
        assertTrue(new Select(saved).getFirstSelectedOption().getText().startsWith("物流配送"),
                "the saved replies of the conversation's category first");
        saved.sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        WebElement text = browser.findElement(By.id("reply-text"));
        wait.until(d -> !text.getAttribute("value").isBlank());
        assertTrue(text.getAttribute("value").contains("parcel"), "inserted in the customer's language (en)");
        assertTrue(text.getAttribute("value").contains("order [___orderNumber___]"),
                "the mail named no order number the rules know: a visible blank " + text.getAttribute("value"));
        text.sendKeys(" We are sorry for the wait.");
        browser.findElement(By.id("send-close")).sendKeys(Keys.ENTER);
        waitText(By.cssSelector("main p.error"), "[___orderNumber___]");
        text.clear();
        text.sendKeys("Your parcel for order o-browser-11 is on its way. We are sorry for the wait.");
        browser.findElement(By.id("send-close")).sendKeys(Keys.ENTER);
        waitText(By.cssSelector("main p.ok"), "已发送回复并关闭会话");
        assertTrue(browser.findElements(By.linkText(MAIL_SUBJECT)).isEmpty(), "gone from the queue");
        shoot("care-queue-answered");
    }

    @Test
    void anAgentFindsAMemberWithTheKeyboardAndReadsTheMemberView() {
        signIn("agent", "agent-local-1");
        browser.get(url + "#/members");
        WebElement value = waitFor(By.name("value"));
        new Select(browser.findElement(By.name("by"))).selectByValue("email");
        value.sendKeys("  BROWSER.member@example.com", Keys.ENTER);
        waitText(By.cssSelector("main h1"), "c-browser-1");
        assertTrue(browser.findElement(By.cssSelector("main h1")).getText().contains("<img src=x onerror=alert(1)>"),
                "member text stays text");
        assertTrue(browser.findElements(By.cssSelector("main img")).isEmpty(), "no markup from member text");
        for (String part : List.of("资料", "会籍", "RFM", "积分", "订单", "进行中的旅程", "已发邮件", "未结争议")) {
            assertTrue(browser.findElement(By.cssSelector("main section[aria-label='" + part + "']")).isDisplayed(),
                    part);
        }
        assertTrue(browser.findElements(By.cssSelector("form[data-form='member-action']")).isEmpty(),
                "an agent views; only admins act");
        String rfm = browser.findElement(By.cssSelector("section[aria-label='RFM']")).getText();
        assertTrue(rfm.contains("RFM 评分（R-F-M）") && rfm.contains("分群") && !rfm.contains("尚未评分"),
                "the member's RFM scores and segment, as RfmFunction evaluated them: " + rfm);
        assertTrue(browser.findElement(By.cssSelector("section[aria-label='会籍']")).getText().contains("VIP2"),
                "the tier, with why");
        By orders = By.cssSelector("main section[aria-label='订单'] tbody tr");
        assertEquals(10, browser.findElements(orders).size(), "the first page of orders");
        shoot("member");
        WebElement more = waitFor(By.xpath("//section[@aria-label='订单']//button[contains(., '加载更多')]"));
        more.sendKeys(Keys.ENTER);
        wait.until(d -> d.findElements(orders).size() == 12);
        assertTrue(browser.findElements(By.xpath("//section[@aria-label='订单']//button")).isEmpty(), "no more");

        browser.get(url + "#/members");
        new Select(waitFor(By.name("by"))).selectByValue("phone");
        WebElement again = browser.findElement(By.name("value"));
        assertEquals("BROWSER.member@example.com", again.getAttribute("value"), "the last search, to refine");
        again.clear();
        again.sendKeys("0086 138-0000-9999", Keys.ENTER);
        waitText(By.cssSelector("main h1"), "c-browser-1");
        browser.get(url + "#/members");
        new Select(waitFor(By.name("by"))).selectByValue("email");
        browser.findElement(By.name("value")).clear();
        browser.findElement(By.name("value")).sendKeys("nobody@example.com", Keys.ENTER);
        waitText(By.cssSelector("main [aria-live]"), "没有找到会员");
    }

    @Test
    void anAdminFreezesAMemberWithTheKeyboardAndSeesARefusalInWords() {
        signIn("admin", "admin-local-1");
        browser.get(url + "#/members/c-browser-2");
        waitText(By.cssSelector("main h1"), "c-browser-2");
        By form = By.cssSelector("form[data-form='member-action']");
        new Select(waitFor(form).findElement(By.name("action"))).selectByValue("restore");
        browser.findElement(form).findElement(By.name("reason")).sendKeys("误操作", Keys.ENTER);
        String refusal = waitText(By.xpath("//form[@data-form='member-action']/following-sibling::p[@role='alert']"),
                "未执行").getText();
        assertTrue(refusal.contains("not cancelled"), "the reason in words: " + refusal);

        new Select(browser.findElement(form).findElement(By.name("action"))).selectByValue("freeze");
        WebElement reason = browser.findElement(form).findElement(By.name("reason"));
        reason.clear();
        reason.sendKeys("<b>电话核实中</b>", Keys.ENTER);
        waitText(By.cssSelector("main p.ok"), "已提交：冻结");
        String membership = browser.findElement(By.cssSelector("section[aria-label='会籍']")).getText();
        assertTrue(membership.contains("冻结"), "the archive applied the freeze: " + membership);
        String history = browser.findElement(By.cssSelector("section[aria-label='会籍变更记录'] table")).getText();
        assertTrue(history.contains("console:admin") && history.contains("<b>电话核实中</b>"),
                "who and why, the reason as text: " + history);
        assertTrue(browser.findElements(By.cssSelector("main b")).isEmpty(), "no markup from the reason");

        new Select(browser.findElement(form).findElement(By.name("action"))).selectByValue("tier");
        new Select(browser.findElement(form).findElement(By.name("tier"))).selectByValue("VIP2");
        browser.executeScript("arguments[0].value = '2027-12-31'",
                browser.findElement(form).findElement(By.name("until")));
        browser.findElement(form).findElement(By.name("reason")).sendKeys("大客户", Keys.ENTER);
        waitText(By.cssSelector("main p.ok"), "已提交：调整等级");
        String tier = browser.findElement(By.cssSelector("section[aria-label='会籍']")).getText();
        assertTrue(tier.contains("VIP2") && tier.contains("人工设为") && tier.contains("大客户"), tier);
        shoot("member-action");
    }

    @Test
    void anAdminAdjustsPointsAndSeesItInThePointsHistoryWithWhoAndWhy() {
        signIn("admin", "admin-local-1");
        browser.get(url + "#/members/c-browser-3");
        waitText(By.cssSelector("main h1"), "c-browser-3");
        By form = By.cssSelector("form[data-form='member-action']");
        new Select(waitFor(form).findElement(By.name("action"))).selectByValue("points");
        browser.findElement(form).findElement(By.name("points")).sendKeys("-10");
        browser.findElement(form).findElement(By.name("reason")).sendKeys("扣错了", Keys.ENTER);
        String refusal = waitText(By.xpath("//form[@data-form='member-action']/following-sibling::p[@role='alert']"),
                "未执行").getText();
        assertTrue(refusal.contains("below zero"), "the reason in words: " + refusal);

        new Select(browser.findElement(form).findElement(By.name("action"))).selectByValue("points");
        WebElement points = browser.findElement(form).findElement(By.name("points"));
        points.clear();
        points.sendKeys("25");
        WebElement reason = browser.findElement(form).findElement(By.name("reason"));
        reason.clear();
        reason.sendKeys("<i>物流延误补偿</i>", Keys.ENTER);
        waitText(By.cssSelector("main p.ok"), "已提交：调整积分");
        String ledger = browser.findElement(By.cssSelector("section[aria-label='积分']")).getText();
        assertTrue(ledger.contains("人工调整") && ledger.contains("+25") && ledger.contains("console:admin")
                && ledger.contains("<i>物流延误补偿</i>"), "the adjustment, who and why, as text: " + ledger);
        assertTrue(browser.findElements(By.cssSelector("main i")).isEmpty(), "no markup from the reason");
        shoot("member-points");
    }

    @Test
    void aMarketerReadsTheReferralListAndNarrowsItToOneReferrer() {
        signIn("marketer", "marketer-local-1");
        browser.get(url + "#/lists/referrals");
        String rows = waitText(By.cssSelector("main tbody"), "c-ref-friend-2").getText();
        assertTrue(rows.contains("c-ref-friend-1") && rows.contains("已奖励") && rows.contains("不予奖励")
                && rows.contains("self-referral"), "this month's referrals, their status and why: " + rows);
        shoot("referrals");
        waitFor(By.name("referrerId")).sendKeys("c-ref-host", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("main tbody tr")).size() == 1);
        String only = browser.findElement(By.cssSelector("main tbody")).getText();
        assertTrue(only.contains("c-ref-friend-1") && only.contains("500") && !only.contains("c-ref-friend-2"),
                "one referrer's referees: " + only);
    }

    @Test
    void aMarketerSeesListsResultsAndTemplatesButNotTheDesk() throws Exception {
        signIn("marketer", "marketer-local-1");
        navIs(List.of("本月生日会员", "沉睡会员唤醒", "推荐名单", "效果", "模板预览"));
        browser.get(url + "#/disputes");
        waitText(By.cssSelector("main .error"), "无权");

        browser.get(url + "#/lists/birthdays");
        waitFor(By.cssSelector("main tbody tr"));
        shoot("birthdays");
        WebElement first = waitFor(By.cssSelector("main tbody tr"));
        first.findElement(By.xpath(".//button[contains(., '记录回访')]")).click();
        new Select(first.findElement(By.name("outcome"))).selectByValue("call_back");
        first.findElement(By.name("note")).sendKeys("<script>alert(1)</script> 周五再打");
        first.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement recorded = wait.until(d -> first.findElement(By.cssSelector(".followup")));
        assertTrue(recorded.getText().contains("约定回电"), recorded.getText());
        assertTrue(recorded.getText().contains("<script>alert(1)</script> 周五再打"), "member-facing text stays text");
        browser.navigate().refresh();
        waitText(By.cssSelector("main tbody"), "<script>alert(1)</script> 周五再打");

        try (Stream<Path> old = Files.list(DOWNLOADS)) {
            old.filter(f -> f.getFileName().toString().startsWith("birthdays-")).forEach(ConsoleBrowserIT::delete);
        }
        browser.findElement(By.xpath("//button[contains(., 'CSV')]")).click();
        waitText(By.cssSelector("main [role=status]"), "已下载");
        String csv;
        try (Stream<Path> files = Files.list(DOWNLOADS)) {
            Path file = files.filter(f -> f.getFileName().toString().matches("birthdays-\\d{4}-\\d{2}\\.csv"))
                    .findFirst()
                    .orElseThrow();
            csv = downloaded(file.getFileName().toString());
        }
        assertTrue(csv.startsWith("\uFEFFcustomerId,name,"), csv.substring(0, Math.min(80, csv.length())));
        assertTrue(csv.contains("call_back"), "the marked call is in the list");
        assertEquals(csv, exportedWhole(), "the list exported through S3 is the list downloaded page by page");

        browser.get(url + "#/lists/dormant");
        waitFor(By.cssSelector("main h1"));
        shoot("dormant");
        browser.get(url + "#/results");
        wait.until(d -> d.findElements(By.cssSelector("main svg[role=img]")).size() == 4);
        assertFalse(browser.findElements(By.cssSelector("figure table td.num")).isEmpty(), "numbers beside the charts");
        shoot("results");
        browser.get(url + "#/templates");
        WebElement frame = waitFor(By.cssSelector("main iframe"));
        wait.until(d -> frame.getAttribute("src") != null && frame.getAttribute("src").contains("templates/"));
        shoot("templates");
    }

    @Test
    void anAdminSeesEveryPageAndTheLanguageIsRemembered() {
        signIn("admin", "admin-local-1");
        navIs(List.of("争议处理", "客户邮件", "会员", "本月生日会员", "沉睡会员唤醒", "推荐名单", "效果", "模板预览"));
        browser.findElement(By.id("lang")).click();
        wait.until(d -> nav().contains("Dispute desk"));
        browser.navigate().refresh();
        wait.until(d -> nav().equals(List.of("Dispute desk", "Customer mail", "Members", "Birthdays this month",
                "Dormant members", "Referrals", "Results", "Templates")));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    }

    @Test
    void aWrongPasswordIsRefusedInWords() {
        waitFor(By.name("username")).sendKeys("agent");
        browser.findElement(By.name("password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("form.signin button")).click();
        waitText(By.cssSelector("form.signin .error"), "Incorrect username or password");
        assertEquals(List.of(), nav());
        shoot("sign-in");
    }

    private static void signIn(String user, String password) {
        waitFor(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.signin button")).click();
        wait.until(d -> !nav().isEmpty());
    }

    /** The navigation shows exactly these pages (waiting while the page settles). */
    private static void navIs(List<String> pages) {
        try {
            wait.until(d -> nav().equals(pages));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertEquals(pages, nav());
        }
    }

    private static List<String> nav() {
        return browser.findElements(By.cssSelector("#nav a")).stream().map(WebElement::getText).toList();
    }

    private static WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static WebElement waitText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return browser.findElement(by);
    }

    /** A screenshot of the page in Chinese and in English, then back to Chinese. */
    private static void shoot(String page) {
        save(page + ".zh-CN.png");
        browser.findElement(By.id("lang")).click();
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        waitFor(By.cssSelector("main > *"));
        save(page + ".en.png");
        browser.findElement(By.id("lang")).click();
        wait.until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        waitFor(By.cssSelector("main > *"));
    }

    private static void save(String name) {
        try {
            Files.write(SHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The birthday list through "export all": the API writes it to the local S3, the browser follows the link. */
    private static String exportedWhole() throws IOException {
        Path file;
        try (Stream<Path> old = Files.list(DOWNLOADS)) {
            file = old.filter(f -> f.getFileName().toString().matches("birthdays-\\d{4}-\\d{2}\\.csv")).findFirst()
                    .orElseThrow();
        }
        delete(file);
        browser.findElement(By.xpath("//button[contains(., '导出全部')]")).click();
        waitText(By.cssSelector("main [role=status]"), "已导出");
        return downloaded(file.getFileName().toString());
    }

    private static String downloaded(String name) throws IOException {
        Path file = DOWNLOADS.resolve(name);
        wait.until(d -> Files.isRegularFile(file) && !Files.exists(DOWNLOADS.resolve(name + ".crdownload")));
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Where the simulation's report goes in the tests: nowhere. */
    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
            // discarded
        }
    }
}
