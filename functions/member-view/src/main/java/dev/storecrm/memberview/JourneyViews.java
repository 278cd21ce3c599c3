package dev.storecrm.memberview;

import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.cart.CartStep;
import dev.storecrm.domain.dispute.Dispute;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.memberview.MemberFile;
import dev.storecrm.domain.winback.WinBackJournal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The member view's JSON of what is in progress around the member: journeys, mail, disputes. */
final class JourneyViews {

    /**
     * The win-back episode (the latest one the member entered, its steps, and whether an order since
     * ended it), the open carts with the reminders they got, and the greetings filed, the next first.
     */
    ObjectNode journeys(MemberRecord record, List<WinBackJournal.Entry> steps, List<Cart> carts,
                        List<MemberFile.Greeting> greetings, Instant now) {
        ObjectNode journeys = MemberViews.JSON.createObjectNode();
        if (steps.isEmpty()) {
            journeys.putNull("winBack");
        } else {
            Instant episode = steps.getFirst().episode();
            Instant lastOrder = record.purchases().lastOrderAt();
            ObjectNode winBack = journeys.putObject("winBack").put("episode", episode.toString())
                    .put("ended", lastOrder != null && lastOrder.isAfter(episode));
            ArrayNode entered = winBack.putArray("steps");
            steps.stream().filter(s -> s.episode().equals(episode))
                    .sorted(Comparator.comparingInt(WinBackJournal.Entry::step)).forEach(s -> {
                        ObjectNode step = entered.addObject().put("step", s.step())
                                .put("enteredAt", s.enteredAt().toString());
                        s.couponCode().ifPresent(c -> step.put("couponCode", c));
                        s.skipped().ifPresent(why -> step.put("skipped", why));
                    });
        }
        ArrayNode open = journeys.putArray("carts");
        for (Cart cart : carts) {
            ObjectNode item = open.addObject().put("cartId", cart.cartId());
            cart.contents().ifPresent(c -> {
                item.put("updatedAt", c.stamp().at().toString()).put("lineCount", c.lineCount());
                item.putObject("total").put("amount", c.total().minor())
                        .put("currency", c.total().currency().getCurrencyCode());
            });
            cart.abandonedAt().ifPresent(t -> item.put("abandonedAt", t.toString()));
            ArrayNode reminded = item.putArray("reminders");
            cart.messagedSteps().stream().map(CartStep::wire).forEach(reminded::add);
        }
        List<MemberFile.Greeting> filed = greetings.stream()
                .sorted(Comparator.comparing(MemberFile.Greeting::greetAt)).toList();
        Optional<MemberFile.Greeting> next = filed.stream().filter(g -> !g.greetAt().isBefore(now)).findFirst();
        next.ifPresentOrElse(g -> journeys.set("nextGreeting", greeting(g)), () -> journeys.putNull("nextGreeting"));
        ArrayNode all = journeys.putArray("greetings");
        filed.forEach(g -> all.add(greeting(g)));
        return journeys;
    }

    /** A page of the mail the send ledger settled for the member, the latest first. */
    ObjectNode mails(MemberFile.Page<MemberFile.Mail> page) {
        ObjectNode mails = MemberViews.JSON.createObjectNode();
        ArrayNode items = mails.putArray("items");
        for (MemberFile.Mail mail : page.items()) {
            ObjectNode item = items.addObject().put("businessKey", mail.businessKey()).put("journey", mail.journey())
                    .put("template", mail.templateId()).put("category", mail.category()).put("status", mail.status())
                    .put("settledAt", mail.settledAt().toString());
            mail.reason().ifPresent(r -> item.put("reason", r));
            mail.deliveredAt().ifPresent(t -> item.put("deliveredAt", t.toString()));
            mail.bouncedAt().ifPresent(t -> item.put("bouncedAt", t.toString()));
        }
        page.next().ifPresentOrElse(n -> mails.put("next", n), () -> mails.putNull("next"));
        return mails;
    }

    /** The member's open disputes. */
    ArrayNode disputes(List<Dispute> disputes) {
        ArrayNode open = MemberViews.JSON.createArrayNode();
        for (Dispute dispute : disputes) {
            ObjectNode item = open.addObject().put("disputeId", dispute.disputeId());
            dispute.currentStatus().ifPresent(s -> item.put("status", s.name()));
            dispute.opening().ifPresent(o -> {
                item.put("orderId", o.orderId()).put("channel", o.channel()).put("reason", o.reason().name())
                        .put("openedAt", o.stamp().at().toString());
                item.putObject("amount").put("amount", o.amount().minor())
                        .put("currency", o.amount().currency().getCurrencyCode());
            });
        }
        return open;
    }

    private static ObjectNode greeting(MemberFile.Greeting greeting) {
        return MemberViews.JSON.createObjectNode().put("kind", greeting.kind())
                .put("localDate", greeting.localDate().toString()).put("greetAt", greeting.greetAt().toString());
    }
}
