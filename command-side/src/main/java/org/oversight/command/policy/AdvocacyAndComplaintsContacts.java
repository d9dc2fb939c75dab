package org.oversight.command.policy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.policy.AdvocacyAndComplaintsContactsChanged;

/**
 * Whom one authority's looked-after children contact for an advocate and to complain. An aggregate member of
 * {@link LocalAuthorityPolicy}: the latest recorded contacts are the ones a child's letter gives.
 */
final class AdvocacyAndComplaintsContacts {

    private AdvocacyAndComplaintsContactsChanged current;

    void change(ChangeAdvocacyAndComplaintsContacts command) {
        String advocacyPhone = optional(command.advocacyPhone());
        String advocacyWeb = optional(command.advocacyWebAddress());
        String complaintsPhone = optional(command.complaintsPhone());
        String complaintsWeb = optional(command.complaintsWebAddress());
        if (advocacyPhone == null && advocacyWeb == null) {
            throw new RuleViolation(PolicyRule.CONTACT_REACHABLE, "advocacyPhone",
                    "Enter the advocacy service's phone number, its web address or both, so that a child can reach it");
        }
        if (complaintsPhone == null && complaintsWeb == null) {
            throw new RuleViolation(PolicyRule.CONTACT_REACHABLE, "complaintsPhone",
                    "Enter the complaints team's phone number, its web address or both, so that a child can reach it");
        }
        AdvocacyAndComplaintsContactsChanged changed = new AdvocacyAndComplaintsContactsChanged(
                command.localAuthority().strip(), command.advocacyService().strip(), advocacyPhone, advocacyWeb,
                command.complaintsTeam().strip(), complaintsPhone, complaintsWeb, command.reason().strip());
        if (current != null && sameContacts(current, changed)) {
            throw new RuleViolation(PolicyRule.SOMETHING_CHANGES,
                    "These are the contacts already recorded; change at least one of them");
        }
        apply(changed);
    }

    @EventSourcingHandler
    void on(AdvocacyAndComplaintsContactsChanged event) {
        current = event;
    }

    private static boolean sameContacts(AdvocacyAndComplaintsContactsChanged a, AdvocacyAndComplaintsContactsChanged b) {
        return a.equals(new AdvocacyAndComplaintsContactsChanged(b.localAuthority(), b.advocacyService(),
                b.advocacyPhone(), b.advocacyWebAddress(), b.complaintsTeam(), b.complaintsPhone(),
                b.complaintsWebAddress(), a.reason()));
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
