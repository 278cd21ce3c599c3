package dev.storecrm.consoletests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.referral.Referral;
import dev.storecrm.domain.referral.ReferralStatus;
import dev.storecrm.domain.reputation.ReputationGuard;
import dev.storecrm.domain.reputation.ReputationPolicy;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalInboundMail;
import dev.storecrm.localcloud.Template;
import dev.storecrm.simulation.ConsoleRun;
import dev.storecrm.platform.dynamodb.DynamoDbReferralBook;
import dev.storecrm.platform.dynamodb.DynamoDbSendingReputation;
import dev.storecrm.simulation.SimulationOptions;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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

    /** A member's comment on the follow-up's page that is markup; the console must show it as text. */
    private static final String HOSTILE_COMMENT = "<img src=x onerror=alert(4)> 包装破损, \"不满意\"";
    private static final java.util.regex.Pattern FOLLOW_UP_LINK =
            java.util.regex.Pattern.compile("https://\\S+?\\?(token=[A-Za-z0-9_.-]+&lang=(?:en|zh-CN))&met=yes");
    private static final dev.storecrm.domain.json.tree.ObjectMapper JSON =
            new dev.storecrm.domain.json.tree.ObjectMapper();

    private static ConsoleRun.Served served;
    private static LocalCloud store;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String url;

    @BeforeAll
    static void storeAndBrowser(LocalCloud cloud) throws IOException {
        cloud.reset();
        store = cloud;
        PrintStream quiet = new PrintStream(OutputStreamNull.INSTANCE, true, StandardCharsets.UTF_8);
        served = ConsoleRun.serve(cloud, new SimulationOptions(120, 35, 20270104L, false, LocalDate.of(2027, 1, 4),
                TARGET.resolve("simulation")), quiet, 0);
        // A dispute to work: the buyer (a member with orders, below) wants a refund without a return.
        cloud.eventBus().publishSample("disputes/dispute-opened.json", e -> {
            ((dev.storecrm.domain.json.tree.ObjectNode) e.get("body")).put("disputeId", "d-browser-1")
                    .put("customerId", "c-browser-1");
            e.put("id", "evt-browser-1").put("occurredAt", served.clock().instant().minusSeconds(3600).toString());
        }, "test", served.clock().instant());
        memberWithOrders(cloud, served.clock().instant());
        // Members for the admin to act on (freeze; adjust points), apart from the member the other tests read.
        for (String member : List.of("c-browser-2", "c-browser-3")) {
            cloud.eventBus().publishSample("member-archive/01-member-registered.json", e -> {
                e.put("id", "evt-browser-member-" + member.charAt(10)).put("occurredAt",
                        served.clock().instant().minusSeconds(86_400).toString());
                ((dev.storecrm.domain.json.tree.ObjectNode) e.get("body")).put("customerId", member);
            }, "test", served.clock().instant());
        }
        referrals(cloud, served.clock().instant().minus(Duration.ofHours(1)));
        served.functions().drainAll();
        // The member writes to the care address about a parcel, with markup in the subject.
        new LocalInboundMail(cloud).deliver(CUSTOMER_MAIL.getBytes(StandardCharsets.UTF_8),
                cloud.template().parameter("CareAddress").orElse("service@example.com"), served.clock().instant());
        served.functions().drainAll();
        answerAFollowUpWithMarkup(cloud);
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

    /**
     * The last follow-up mail the simulated store sent, answered "no" on FeedbackLandingFunction's form (a POST, as
     * the member's browser sends it) with a rating and a comment that is markup.
     */
    private static void answerAFollowUpWithMarkup(LocalCloud cloud) {
        String link = cloud.sentMail().stream().filter(m -> m.text() != null)
                .map(m -> FOLLOW_UP_LINK.matcher(m.text())).filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1)).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("the simulated store sent no follow-up mail"));
        int status = served.functions().invokeUrl("FeedbackLandingFunction", "POST", link,
                Map.of("content-type", "application/x-www-form-urlencoded"), "met=no&rating=2&comment="
                        + java.net.URLEncoder.encode(HOSTILE_COMMENT, StandardCharsets.UTF_8)).getStatusCode();
        assertEquals(200, status, "the landing took the answer");
    }

    /** A member whose name is markup, with 12 orders of 399.00 CNY in the last months (the member page's store). */
    private static void memberWithOrders(LocalCloud cloud, java.time.Instant now) {
        cloud.eventBus().publishSample("member-archive/01-member-registered.json", e -> {
            e.put("id", "evt-browser-member").put("occurredAt", now.minus(Duration.ofDays(120)).toString());
            dev.storecrm.domain.json.tree.ObjectNode body = (dev.storecrm.domain.json.tree.ObjectNode)
                    e.get("body");
            body.put("customerId", "c-browser-1");
            ((dev.storecrm.domain.json.tree.ObjectNode) body.get("profile"))
                    .put("name", "<img src=x onerror=alert(1)>").put("email", "Browser.Member@Example.com")
                    .put("phone", "+8613800009999");
        }, "test", now);
        for (int i = 0; i < 12; i++) {
            String order = String.format("o-browser-%02d", i);
            String at = now.minus(Duration.ofDays(100 - 5L * i)).toString();
            for (String sample : List.of("member-archive/04-order-placed.json", "member-archive/05-order-paid.json")) {
                cloud.eventBus().publishSample(sample, e -> {
                    e.put("id", "evt-" + order + "-" + sample.charAt(16)).put("occurredAt", at);
                    ((dev.storecrm.domain.json.tree.ObjectNode) e.get("body")).put("orderId", order)
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
    void aMarketerReadsTheFollowUpAnswersWithTheKeyboardAndAHostileCommentStaysText() throws Exception {
        signIn("marketer", "marketer-local-1");
        browser.get(url + "#/order-feedback");
        waitFor(By.cssSelector("main tbody tr"));
        // The page shows the API's first page of the last 30 days, row for row, in the store's words.
        dev.storecrm.domain.json.tree.JsonNode api = JSON.readTree(served.functions().invokeSignedUrl(
                "CareListsFunction", "GET", "/order-feedback", "format=json&limit=100", Map.of(), null).getBody());
        List<List<String>> expected = new java.util.ArrayList<>();
        api.get("rows").forEach(r -> expected.add(List.of(r.get("orderId").asText(), r.get("customerId").asText(),
                r.get("met").asText().equals("yes") ? "是" : "否", r.get("rating").asText(), r.get("comment").asText(),
                r.get("via").asText().equals("form") ? "答复页表单" : "邮件一键答复")));
        assertTrue(expected.size() > 1, "the simulated members answered: " + api);
        assertEquals(expected, cells(1, 2, 3, 4, 5, 6), "the rows the API served");
        long yes = expected.stream().filter(r -> r.get(2).equals("是")).count();
        String share = String.format(java.util.Locale.ROOT, "%.1f%% (%d / %d)", 100.0 * yes / expected.size(), yes,
                expected.size());
        assertEquals(share, browser.findElement(By.cssSelector("[data-figure=share-met]")).getText(),
                "the share that met the need");

        // Today's "no" answers, asked for with the keyboard: the markup the member typed is on the page as text.
        String today = LocalDate.ofInstant(served.clock().instant(), ZoneId.of("Asia/Shanghai")).toString();
        noAnswersOf(today);
        WebElement hostile = waitText(By.cssSelector("main tbody"), HOSTILE_COMMENT);
        assertTrue(browser.findElements(By.cssSelector("main img")).isEmpty(), "no markup from the member's comment");
        assertTrue(cells(3).stream().allMatch(r -> r.getFirst().equals("否")), "only the no answers: " + cells(3));
        List<String> ours = cells(1, 3, 4, 5, 6).stream().filter(r -> r.get(3).equals(HOSTILE_COMMENT))
                .findFirst().orElseThrow(() -> new AssertionError(hostile.getText()));
        assertEquals(List.of("否", "2", HOSTILE_COMMENT, "答复页表单"), ours.subList(1, 5));

        String file = "order-feedback-" + today + "-to-" + today + "-no.csv";
        Files.deleteIfExists(DOWNLOADS.resolve(file));
        waitFor(By.xpath("//form[@data-form='order-feedback']//button[contains(., 'CSV')]")).sendKeys(Keys.ENTER);
        waitText(By.cssSelector("main [role=status]"), "已下载");
        String csv = downloaded(file);
        assertTrue(csv.startsWith("\uFEFFansweredAt,orderId,customerId,met,rating,comment,via"), csv);
        assertTrue(csv.contains("," + ours.getFirst() + ",") && csv.contains("\"<img src=x onerror=alert(4)> 包装破损, "
                + "\"\"不满意\"\"\""), "the answer, quoted as CSV: " + csv);
        shoot("order-feedback");

        browser.findElement(By.id("lang")).click();
        waitText(By.cssSelector("main h1"), "Follow-up answers");
        noAnswersOf(today);
        waitText(By.cssSelector("main tbody"), HOSTILE_COMMENT);
        assertTrue(browser.findElement(By.cssSelector("main thead")).getText().contains("Met the need"));
        assertTrue(cells(3, 4, 5, 6).contains(List.of("No", "2", HOSTILE_COMMENT, "Form on the page")),
                "the answers in English: " + cells(3, 4, 5, 6));
        assertTrue(browser.findElements(By.cssSelector("main img")).isEmpty(), "still text");
    }

    /** The follow-up answers page asked, with the keyboard, for one day's "no" answers. */
    private static void noAnswersOf(String day) {
        WebElement form = waitFor(By.cssSelector("form[data-form=order-feedback]"));
        WebElement table = browser.findElement(By.cssSelector("main table"));
        browser.executeScript("arguments[0].value = arguments[2]; arguments[1].value = arguments[2];",
                form.findElement(By.name("from")), form.findElement(By.name("to")), day);
        WebElement met = form.findElement(By.name("met"));
        met.sendKeys(Keys.END);
        assertEquals("no", met.getAttribute("value"));
        met.sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.stalenessOf(table));
    }

    /** The text of these columns (counted from 0) of each row of the page's table. */
    private static List<List<String>> cells(int... columns) {
        return browser.findElements(By.cssSelector("main tbody tr")).stream().map(row -> {
            List<WebElement> cells = row.findElements(By.cssSelector("td"));
            return java.util.Arrays.stream(columns).mapToObj(c -> cells.get(c).getText()).toList();
        }).toList();
    }

    @Test
    void aMarketerSeesListsResultsAndTemplatesButNotTheDesk() throws Exception {
        signIn("marketer", "marketer-local-1");
        navIs(List.of("本月生日会员", "沉睡会员唤醒", "推荐名单", "购后回访答复", "效果", "模板预览", "群发活动", "打开与点击"));
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
        wait.until(d -> d.findElements(By.cssSelector("main svg[role=img]")).size() == 13);
        assertFalse(browser.findElements(By.cssSelector("figure table td.num")).isEmpty(), "numbers beside the charts");
        mailResultsShowWhatTheSenderCounted();
        couponsShowEveryJourneysCouponsIssuedAndRedeemed();
        liftShowsEachJourneyAgainstItsHoldoutAndDownloadsAsCsv();
        shoot("results");
        browser.get(url + "#/templates");
        WebElement frame = waitFor(By.cssSelector("main iframe"));
        wait.until(d -> frame.getAttribute("src") != null && frame.getAttribute("src").contains("templates/"));
        shoot("templates");
    }

    /**
     * The simulated store's mail per day and journey, and why mail was not sent: the charts' tables hold the figures
     * the sender counted (GET /mail-outcomes), the reasons in words, and a journey narrows them.
     */
    private static void mailResultsShowWhatTheSenderCounted() {
        WebElement mail = waitFor(By.cssSelector("section[aria-labelledby=mail-title]"));
        List<WebElement> figures = mail.findElements(By.cssSelector("figure"));
        assertEquals(List.of("每日消息：已发送 / 未发送", "未发送原因", "各旅程消息"),
                figures.stream().map(f -> f.findElement(By.cssSelector("h2")).getText()).toList());
        long sentPerDay = sumColumn(figures.get(0), 1);
        long sentPerJourney = sumColumn(figures.get(2), 1);
        assertTrue(sentPerDay > 0, "the simulated store sent mail");
        assertEquals(sentPerDay, sentPerJourney, "the days and the journeys add up to the same mail");
        assertEquals(sumColumn(figures.get(0), 2), sumColumn(figures.get(1), 1), "every message not sent has a reason");
        String reasons = figures.get(1).findElement(By.cssSelector("tbody")).getText();
        assertFalse(reasons.contains("_"), "reasons in words, not codes: " + reasons);
        Select journey = new Select(mail.findElement(By.name("journey")));
        assertTrue(journey.getOptions().size() > 2, "the simulation's journeys to choose from");
        String chosen = journey.getOptions().get(1).getText();
        long chosenInTotals = figures.get(2).findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.findElement(By.cssSelector("td")).getText().equals(chosen))
                .mapToLong(row -> Long.parseLong(row.findElements(By.cssSelector("td")).get(1).getText()))
                .sum();
        journey.selectByIndex(1);
        wait.until(d -> d.findElement(By.cssSelector("section[aria-labelledby=mail-title] figure h2")).getText()
                .contains(chosen));
        assertEquals(chosenInTotals, sumColumn(browser.findElements(
                By.cssSelector("section[aria-labelledby=mail-title] figure")).get(0), 1),
                "the chosen journey's days add up to its total");
        journey.selectByIndex(0);
    }

    /**
     * The lift report per journey: the two rates, the incremental conversions with their interval and the table of
     * figures name the same journeys, and the CSV the button downloads holds the same lines and eligible members.
     */
    private static void liftShowsEachJourneyAgainstItsHoldoutAndDownloadsAsCsv() throws IOException {
        WebElement lift = waitFor(By.cssSelector("section[aria-labelledby=lift-title]"));
        List<WebElement> figures = lift.findElements(By.cssSelector("figure"));
        assertEquals(List.of("转化率：发送组 / 对照组", "增量转化（95% 区间）"),
                figures.stream().map(f -> f.findElement(By.cssSelector("h2")).getText()).toList());
        List<String> journeys = firstColumn(figures.get(0));
        assertTrue(journeys.containsAll(List.of("broadcast", "win-back")), "the simulation's journeys: " + journeys);
        assertEquals(journeys, firstColumn(figures.get(1)));
        WebElement figuresTable = lift.findElement(By.cssSelector(":scope > .scroll table"));
        Map<String, String> eligible = new java.util.TreeMap<>();
        figuresTable.findElements(By.cssSelector("tbody tr")).forEach(row -> eligible.put(
                row.findElements(By.cssSelector("td")).get(0).getText(),
                row.findElements(By.cssSelector("td")).get(1).getText()));
        assertEquals(new java.util.TreeSet<>(journeys), eligible.keySet());
        try (Stream<Path> old = Files.list(DOWNLOADS)) {
            old.filter(f -> f.getFileName().toString().startsWith("lift-")).forEach(ConsoleBrowserIT::delete);
        }
        lift.findElement(By.xpath(".//button[contains(., 'CSV')]")).sendKeys(Keys.ENTER);
        Path file = wait.until(d -> {
            try (Stream<Path> files = Files.list(DOWNLOADS)) {
                return files.filter(f -> f.getFileName().toString()
                        .matches("lift-\\d{4}-W\\d{2}-to-\\d{4}-W\\d{2}\\.csv")).findFirst().orElse(null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> lines = downloaded(file.getFileName().toString()).lines().toList();
        assertTrue(lines.getFirst().replace("\uFEFF", "").startsWith("journey,step,variant,period,eligible,sent,"),
                lines.getFirst());
        Map<String, String> inFile = new java.util.TreeMap<>();
        lines.stream().skip(1).map(line -> line.split(",")).forEach(cells -> inFile.put(cells[0], cells[4]));
        assertEquals(eligible, inFile, "the CSV holds the lines the page shows");
    }

    private static List<String> firstColumn(WebElement figure) {
        return figure.findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.findElement(By.cssSelector("td")).getText()).toList();
    }

    /**
     * The coupons every journey issued and redeemed (GET /coupon-outcomes): the days and the journeys add up alike,
     * journeys other than carts have coupons, and the cart coupons the coupon book counted are the cart report's.
     */
    private static void couponsShowEveryJourneysCouponsIssuedAndRedeemed() {
        WebElement coupons = waitFor(By.cssSelector("section[aria-labelledby=coupon-title]"));
        List<WebElement> figures = coupons.findElements(By.cssSelector("figure"));
        assertEquals(List.of("每日优惠券：发放 / 核销", "各旅程优惠券", "各旅程优惠券: 优惠金额"),
                figures.stream().map(f -> f.findElement(By.cssSelector("h2")).getText()).toList());
        long issued = sumColumn(figures.get(0), 1);
        assertTrue(issued > 0, "the simulated store issued coupons");
        assertEquals(issued, sumColumn(figures.get(1), 1), "issued: the days and the journeys add up alike");
        assertEquals(sumColumn(figures.get(0), 2), sumColumn(figures.get(1), 2), "redeemed alike");
        List<String> journeys = firstColumn(figures.get(1));
        assertTrue(journeys.stream().anyMatch(j -> !j.equals("cart")), "coupons outside carts: " + journeys);
        WebElement cartCoupons = browser.findElements(By.cssSelector("main figure")).stream()
                .filter(f -> f.findElement(By.cssSelector("h2")).getText().equals("购物车挽回（每日）: 发券"))
                .findFirst().orElseThrow();
        long cartIssued = figures.get(1).findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.findElement(By.cssSelector("td")).getText().equals("cart"))
                .mapToLong(row -> Long.parseLong(row.findElements(By.cssSelector("td")).get(1).getText()
                        .replace(",", ""))).sum();
        assertEquals(sumColumn(cartCoupons, 1), cartIssued, "the cart coupons as the cart report counted them");
    }

    /** The sum of a column of a chart's table of figures. */
    private static long sumColumn(WebElement figure, int column) {
        return figure.findElements(By.cssSelector("tbody tr")).stream()
                .mapToLong(row -> Long.parseLong(row.findElements(By.cssSelector("td")).get(column).getText()
                        .replace(",", "")))
                .sum();
    }

    @Test
    void aMarketerDefinesABroadcastStartsItCancelsItAndSeesARefusalInWords() {
        signIn("marketer", "marketer-local-1");
        browser.get(url + "#/broadcasts");
        waitFor(By.cssSelector("form.broadcast"));
        shoot("broadcasts");
        defineBroadcast("browser-spring", "<img src=x onerror=alert(3)> 春茶");
        waitText(By.cssSelector("main h1"), "<img src=x onerror=alert(3)> 春茶");
        waitText(By.cssSelector("main dl.counts"), "草稿");
        browser.findElement(By.xpath("//button[contains(., '开始发送')]")).click();
        waitText(By.cssSelector("main dl.counts"), "已排期");
        WebElement cancel = browser.findElement(By.xpath("//button[contains(., '取消群发')]"));
        cancel.sendKeys(Keys.ENTER);
        waitText(By.cssSelector("main dl.counts"), "已取消");
        assertTrue(browser.findElement(By.cssSelector("main dl.counts")).getText().contains("console:marketer"),
                "who cancelled it");
        assertTrue(browser.findElements(By.xpath("//button[contains(., '取消群发')]")).isEmpty(),
                "a cancelled broadcast cannot be cancelled again");
        shoot("broadcast");

        browser.get(url + "#/broadcasts");
        WebElement list = waitFor(By.cssSelector("section[aria-labelledby=broadcast-list] table"));
        List<String> ours = row(list, "browser-spring");
        assertEquals(List.of("browser-spring", "<img src=x onerror=alert(3)> 春茶", "已取消"), ours.subList(0, 3),
                "newest first, the name as text");
        assertEquals("2 位会员", ours.get(4));
        List<String> simulated = row(list, "sim-spring-news");
        assertEquals("已发送", simulated.get(2));
        assertTrue(Long.parseLong(simulated.get(9)) > 0 && Long.parseLong(simulated.get(8)) > 0,
                "queued and sent, from the lift line: " + simulated);
        assertTrue(simulated.get(11).matches("-?\\d+\\.\\d{2} \\(-?\\d+\\.\\d{2} – -?\\d+\\.\\d{2}\\); 投资回报率 .+"),
                "the campaign's lift line: " + simulated);
        shoot("broadcast-list");
        list = waitFor(By.cssSelector("section[aria-labelledby=broadcast-list] table"));
        list.findElement(By.linkText("sim-spring-news")).sendKeys(Keys.ENTER);
        waitText(By.cssSelector("main dl.counts"), "已发送");
        assertTrue(browser.getCurrentUrl().endsWith("#/broadcasts/sim-spring-news"), "opened with the keyboard");
        Map<String, String> figures = counts();
        assertEquals(List.of(simulated.get(9), simulated.get(10), "0"), List.of(figures.get("已发出"),
                figures.get("未发出"), figures.get("待发送（未到窗口、免打扰或频次上限）")),
                "the sender's counts of the campaign match its lift line's; nothing waits after the window");
        List<WebElement> why = browser.findElements(By.cssSelector("section.why-not-sent tbody tr"));
        assertEquals(Long.parseLong(figures.get("未发出")), why.stream().mapToLong(r -> Long.parseLong(r.findElements(
                By.cssSelector("td")).get(1).getText())).sum(), "each message not sent under its reason");
        why.forEach(r -> assertTrue(r.findElement(By.cssSelector("td")).getText().matches(".*\\p{IsHan}.*"),
                "a reason in words, not a code: " + r.getText()));
        if (!why.isEmpty()) {
            shoot("broadcast-delivery");
            browser.findElement(By.id("lang")).click();
            waitText(By.cssSelector("section.why-not-sent h2"), "Why mail was not sent");
            assertTrue(browser.findElements(By.cssSelector("section.why-not-sent tbody td:first-child")).stream()
                    .noneMatch(c -> c.getText().matches("[A-Z_]+")), "English words for every reason");
            browser.findElement(By.id("lang")).click();
            waitText(By.cssSelector("section.why-not-sent h2"), "未发出原因");
        }

        browser.get(url + "#/broadcasts");
        defineBroadcast("browser-spring", "Again");
        waitText(By.cssSelector("form.broadcast [role=alert]"), "exists: choose another id");
        assertTrue(browser.getCurrentUrl().endsWith("#/broadcasts"), "the refused draft stays on the form");
    }

    /** The broadcast page's figures: each term of its list of counts with its value. */
    private static Map<String, String> counts() {
        List<WebElement> terms = browser.findElements(By.cssSelector("main dl.counts dt"));
        List<WebElement> values = browser.findElements(By.cssSelector("main dl.counts dd"));
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            figures.put(terms.get(i).getText(), values.get(i).getText());
        }
        return figures;
    }

    /** The cells of the list's row of a campaign. */
    private static List<String> row(WebElement list, String campaignId) {
        return list.findElements(By.cssSelector("tbody tr")).stream().map(r -> r.findElements(By.cssSelector("td")))
                .filter(cells -> cells.getFirst().getText().equals(campaignId)).findFirst()
                .map(cells -> cells.stream().map(WebElement::getText).toList())
                .orElseThrow(() -> new AssertionError("no row of " + campaignId + " in " + list.getText()));
    }

    /** Fills the broadcast form for two members, a window starting tomorrow, and submits it with the keyboard. */
    private static void defineBroadcast(String campaignId, String name) {
        WebElement form = waitFor(By.cssSelector("form.broadcast"));
        form.findElement(By.name("campaignId")).sendKeys(campaignId);
        form.findElement(By.name("name")).sendKeys(name);
        new Select(form.findElement(By.name("audienceKind"))).selectByValue("members");
        form.findElement(By.name("audience")).sendKeys("c-browser-2, c-browser-3");
        form.findElement(By.name("headlineA.zh-CN")).sendKeys("春茶上新");
        form.findElement(By.name("messageA.zh-CN")).sendKeys("明前龙井已到货。");
        LocalDateTime tomorrow = LocalDateTime.ofInstant(served.clock().instant(), ZoneId.of("Asia/Shanghai"))
                .plusDays(1).truncatedTo(ChronoUnit.HOURS);
        browser.executeScript("arguments[0].value = arguments[1]; arguments[2].value = arguments[3];",
                form.findElement(By.name("start")), tomorrow.toString(), form.findElement(By.name("end")),
                tomorrow.plusHours(8).toString());
        form.findElement(By.name("holdout")).sendKeys("5", Keys.ENTER);
    }

    @Test
    void anAdminSeesMarketingPausedByTheReputationGuardAndResumesIt() {
        ReputationGuard guard = new ReputationGuard(new DynamoDbSendingReputation(store.dynamoDb(),
                store.tableName("ReputationTable"), Duration.ofHours(168)),
                new ReputationPolicy(0.08, 4, 1000, Duration.ofHours(168)), served.clock());
        guard.accountAlarm(ReputationGuard.Reason.ACCOUNT_COMPLAINT_RATE);
        signIn("admin", "admin-local-1");
        browser.get(url + "#/reputation");
        waitText(By.cssSelector("main .state"), "营销邮件已暂停");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("SES 账号投诉率告警"), "why, in words");
        assertFalse(browser.findElements(By.cssSelector("main figure table td.num")).isEmpty(),
                "the window's rates beside the chart");
        shoot("reputation");
        waitFor(By.xpath("//button[contains(., '恢复营销邮件')]")).sendKeys(Keys.ENTER);
        waitText(By.cssSelector("main [role=status]"), "已恢复营销邮件");
        waitText(By.tagName("main"), "console:admin");
        assertFalse(guard.status().state().paused(), "marketing e-mail goes out again");

        browser.get(url + "#/engagement");
        waitFor(By.cssSelector("main svg[role=img]"));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("跟踪未开启"),
                "the simulated stack does not track opens, and says so");
        shoot("engagement");
    }

    @Test
    void anAdminSeesEveryPageAndTheLanguageIsRemembered() {
        signIn("admin", "admin-local-1");
        navIs(List.of("争议处理", "客户邮件", "会员", "本月生日会员", "沉睡会员唤醒", "推荐名单", "购后回访答复", "效果",
                "模板预览",
                "群发活动", "打开与点击", "发信信誉"));
        browser.findElement(By.id("lang")).click();
        wait.until(d -> nav().contains("Dispute desk"));
        browser.navigate().refresh();
        wait.until(d -> nav().equals(List.of("Dispute desk", "Customer mail", "Members", "Birthdays this month",
                "Dormant members", "Referrals", "Follow-up answers", "Results", "Templates", "Broadcasts",
                "Opens and clicks", "Sending reputation")));
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
        drawn();
        save(page + ".en.png");
        browser.findElement(By.id("lang")).click();
        wait.until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        drawn();
    }

    /** The page is drawn again after the language switch: no longer "Loading…". */
    private static void drawn() {
        waitFor(By.cssSelector("main > *"));
        wait.until(d -> {
            String text = d.findElement(By.tagName("main")).getText();
            return !text.contains("Loading…") && !text.contains("加载中…");
        });
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
