package dev.storecrm.caremail;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.caremail.CareFiring;
import dev.storecrm.domain.caremail.CareIntake;
import dev.storecrm.domain.caremail.InboundMail;
import dev.storecrm.domain.caremail.MailRefusals;
import dev.storecrm.domain.caremail.RawMail;
import dev.storecrm.domain.json.Json;
import dev.storecrm.domain.json.tree.JsonNode;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles what arrives on the CareMailQueue: SES's notification of a received mail (refused at once on a spam or
 * virus verdict; otherwise the raw message is read from S3, parsed and taken by the {@link CareIntake}) and the
 * care chase's timer firings. Refusals are {@code REFUSED_MAIL}, kept in the RejectsTable with the reason.
 * Logs name the conversation and SES's message id, never an address or a subject.
 */
final class CareMailService {

    private static final Logger LOG = LoggerFactory.getLogger(CareMailService.class);

    private final CareIntake intake;
    private final RawMail raw;

    CareMailService(CareIntake intake, RawMail raw) {
        this.intake = intake;
        this.raw = raw;
    }

    CareIntake.Outcome handle(String body) {
        JsonNode node = Json.input(body);
        if (CareFiring.isFiring(node)) {
            CareFiring firing = CareFiring.read(node);
            CareIntake.Outcome fired = intake.fire(firing);
            LOG.info("care chase fired", entry("conversationId", firing.conversationId()),
                    entry("step", firing.step()), entry("outcome", fired.name()));
            return fired;
        }
        if (node == null || !node.isObject() || !SesReceipt.isReceipt(node)) {
            throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER,
                    "neither an SES receipt notification nor a care chase firing");
        }
        SesReceipt receipt = SesReceipt.read(node);
        Optional<String> verdict = MailRefusals.byVerdicts(receipt.spamVerdict(), receipt.virusVerdict());
        if (verdict.isPresent()) {
            throw new InvalidInputException(RejectReason.REFUSED_MAIL, verdict.get() + "; not answered");
        }
        InboundMail mail = MimeMail.read(raw.read(receipt.bucket(), receipt.objectKey()), receipt);
        CareIntake.Outcome outcome = intake.take(mail);
        LOG.info("customer mail taken", entry("sesMessageId", receipt.sesMessageId()),
                entry("conversationId", CareIntake.conversationId(mail.messageId())), entry("outcome", outcome.name()));
        return outcome;
    }
}
