package dev.storecrm.domain.dispute;

import dev.storecrm.domain.messaging.Recipient;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Who the chase writes to besides the customer: the care team (reminders of the deadlines agents
 * are responsible for) and the escalation address (breaches). Both are template parameters.
 *
 * @param zone the store's time zone, in which deadlines are shown
 */
public record ChaseContacts(Recipient.Address agents, Recipient.Address escalation, ZoneId zone) {

    public ChaseContacts {
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(zone, "zone");
    }

    /** The agents' language, for deadline labels. */
    public String agentLocale() {
        return agents.locale().orElse("en");
    }
}
