package org.oversight.query.caseload;

import java.time.LocalDate;
import org.oversight.events.childcase.ChairRole;

/** One child on a chair's caseload, in one of the roles the chair holds for them. */
public record CaseloadEntry(String childId, String givenName, String familyName, String localAuthority,
        LocalDate dateOfBirth, LocalDate expectedDateOfDelivery, ChairRole role, LocalDate allocatedFrom) {

    public String name() {
        return givenName + " " + familyName;
    }

    public boolean unborn() {
        return dateOfBirth == null;
    }
}
