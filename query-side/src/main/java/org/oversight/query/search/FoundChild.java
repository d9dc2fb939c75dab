package org.oversight.query.search;

import java.time.LocalDate;
import java.util.List;
import org.oversight.events.childcase.ChairRole;

/**
 * A child a search found: enough to tell two children apart and to open the right record, and no more.
 *
 * @param reasonNeeded whether the record asks the person why they need it before it opens
 */
public record FoundChild(String childId, String name, LocalDate dateOfBirth, LocalDate expectedDateOfDelivery,
        String localAuthority, String localAuthorityName, String localIdentifier, List<Chair> chairs,
        boolean reasonNeeded) {

    /** A chair allocated to the child, in one role ({@link ChairRole}'s name). */
    public record Chair(String role, String name) {

        /** The role as a person would name it. */
        public String roleTitle() {
            return ChairRole.valueOf(role).title();
        }
    }

    public String href() {
        return "/children/" + childId;
    }
}
