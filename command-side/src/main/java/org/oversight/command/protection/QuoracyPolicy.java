package org.oversight.command.protection;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.oversight.events.protection.ConferenceAgencies;

/**
 * When a child protection conference is quorate: children's social care ({@link ConferenceAgencies}) plus at least a minimum number of other
 * agencies that have had contact with the child and family. The minimum is local practice (widely two), so each
 * local authority may set its own.
 */
public interface QuoracyPolicy {

    /** How many agencies besides children's social care must attend in this local authority. */
    int minimumOtherAgencies(String localAuthority);

    /**
     * Assesses the attendance of a conference. Agency names are compared ignoring case, surrounding spaces and
     * the kind of apostrophe; an agency named twice counts once.
     */
    default Quoracy assess(String localAuthority, Collection<String> attendingAgencies) {
        Set<String> present = attendingAgencies.stream()
                .filter(Objects::nonNull)
                .map(QuoracyPolicy::normalised)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
        boolean socialCare = present.remove(normalised(ConferenceAgencies.CHILDRENS_SOCIAL_CARE));
        int required = minimumOtherAgencies(localAuthority);
        return new Quoracy(socialCare && present.size() >= required, required);
    }

    private static String normalised(String agency) {
        return agency.strip().replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }
}
