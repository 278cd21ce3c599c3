package dev.storecrm.simulation;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalInboundMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The store's customers writing to its care address, delivered by the local cloud as SES would (the raw MIME in
 * the inbound bucket, the receipt notification to the CareMailQueue): about one order in five brings a mail a
 * few hours to three days after it is placed, in the member's language, about the delivery, a return, an
 * invoice, the product or a complaint, naming the order; one in five of them is followed by the customer's reply
 * (its {@code References} naming the first); the first mail and one in six bring an out-of-office auto-reply
 * from the customer's address (as if answering the acknowledgement), the second and one in twenty a bounce from
 * a mailer daemon, both of which must never be answered. An agent answers about half of the conversations
 * ({@link CareAgents}) an hour to 41 hours after the first mail, so some late, two in three closing them, the rest
 * waiting for the customer (whose reply, when it comes after, reopens them). Person mails have Message-IDs
 * {@code @customers.sim.example}, automatic ones {@code @auto.sim.example} ({@link CareMailCheck} tells them apart).
 */
final class CustomerMail {

    static final String PERSON_DOMAIN = "@customers.sim.example";
    static final String AUTO_DOMAIN = "@auto.sim.example";
    private static final String[][] EN = {
        {"Where is my parcel? Order %s", "Hello, my order %s has not arrived yet and the tracking has not moved."},
        {"Return request for order %s", "The size is wrong, I would like to return it and get a refund (order %s)."},
        {"Invoice for order %s", "Could you send me an invoice for order %s with our VAT number?"},
        {"Question about order %s", "Which colour and material is the item of order %s? Is it in stock in blue?"},
        {"Complaint about order %s", "This is unacceptable: order %s arrived damaged and I am very disappointed."}};
    private static final String[][] ZH = {
        {"订单 %s 的包裹还没到", "您好，我的订单号：%s 一直没收到，物流也不更新。"},
        {"订单 %s 申请退货", "尺码不合适，订单号：%s 想退货退款。"},
        {"订单 %s 开发票", "请帮我开具订单号：%s 的发票，抬头是公司名称。"},
        {"订单 %s 商品咨询", "订单号：%s 的商品是什么材质？有没有蓝色？"},
        {"投诉订单 %s", "订单号：%s 收到时已经损坏，我要投诉！"}};

    private static final String EN_ANSWER = "Hello,\nwe have looked into your order.\n\n"
            + "Just reply if anything is unclear.";
    private static final String ZH_ANSWER = "您好，\n我们已经查看了您的订单。\n\n有任何问题请直接回复。";

    private CustomerMail() {}

    /** The plan with the customers' mail added, after the orders placed during the period. */
    static List<Planned> around(List<Planned> plan, SimulationOptions options, LocalCloud cloud, CareAgents agents) {
        Random random = new Random(options.seed() * 37 + 11);
        Random agent = new Random(options.seed() * 41 + 7);
        Instant start = options.start().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        String care = cloud.template().parameter("CareAddress").orElse("service@example.com");
        LocalInboundMail inbound = new LocalInboundMail(cloud);
        Map<String, JsonNode> profiles = new HashMap<>();
        List<Planned> all = new ArrayList<>(plan);
        int sequence = 0;
        for (Planned planned : plan) {
            if (!(planned instanceof Planned.Publish publish) || publish.copy()) {
                continue;
            }
            JsonNode event = publish.event();
            JsonNode body = event.path("body");
            if (event.path("type").asText().equals("MemberRegistered")) {
                profiles.put(body.path("customerId").asText(), body.path("profile"));
            }
            Instant at = OffsetDateTime.parse(event.path("occurredAt").asText()).toInstant();
            JsonNode profile = profiles.get(body.path("customerId").asText());
            if (!event.path("type").asText().equals("OrderPlaced") || profile == null || at.isBefore(start)
                    || random.nextInt(5) != 0) {
                continue;
            }
            String email = profile.path("email").asText();
            boolean zh = profile.path("locale").asText().startsWith("zh");
            String[] kind = (zh ? ZH : EN)[random.nextInt(EN.length)];
            String orderId = body.path("orderId").asText();
            String id = "m" + (++sequence) + PERSON_DOMAIN;
            Instant written = at.plus(Duration.ofMinutes(180 + random.nextInt(3 * 24 * 60)));
            all.add(call(inbound, care, written, mime(email, care, id, String.format(kind[0], orderId),
                    String.format(kind[1], orderId), "")));
            if (agent.nextInt(2) == 0) {
                Instant answered = written.plus(Duration.ofMinutes(60 + agent.nextInt(40 * 60)));
                boolean close = agent.nextInt(3) != 0;
                all.add(agents.answer(answered, id, zh ? ZH_ANSWER : EN_ANSWER, close, agent.nextInt(4) == 0));
            }
            if (random.nextInt(5) == 0) {
                all.add(call(inbound, care, written.plus(Duration.ofMinutes(120 + random.nextInt(1000))),
                        mime(email, care, "r" + sequence + PERSON_DOMAIN, (zh ? "回复: " : "Re: ")
                                + String.format(kind[0], orderId), zh ? "还有消息吗？" : "Any news?",
                                "References: <" + id + ">\r\n")));
            }
            if (sequence == 1 || random.nextInt(6) == 0) {
                all.add(call(inbound, care, written.plusSeconds(90), mime(email, care, "o" + sequence + AUTO_DOMAIN,
                        zh ? "自动回复: 我正在休假" : "Automatic reply: out of office", zh ? "我正在休假。" : "I am away.",
                        "Auto-Submitted: auto-replied\r\nIn-Reply-To: <" + id + ">\r\n")));
            } else if (sequence == 2 || random.nextInt(20) == 0) {
                all.add(call(inbound, care, written.plusSeconds(120), mime("MAILER-DAEMON@mx.sim.example", care,
                        "b" + sequence + AUTO_DOMAIN, "Undelivered Mail Returned to Sender",
                        "Your message could not be delivered.", "Return-Path: <>\r\n")));
            }
        }
        return all;
    }

    private static Planned call(LocalInboundMail inbound, String care, Instant at, byte[] raw) {
        return new Planned.Call(at, "CareMailFunction", () -> {
            inbound.deliver(raw, care, at);
            return 0;
        });
    }

    private static byte[] mime(String from, String to, String messageId, String subject, String text, String headers) {
        Base64.Encoder base64 = Base64.getMimeEncoder();
        String mail = headers + "From: " + from + "\r\nTo: " + to + "\r\nSubject: =?UTF-8?B?"
                + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\nMessage-ID: <"
                + messageId + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + base64.encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\r\n";
        return mail.getBytes(StandardCharsets.US_ASCII);
    }
}
