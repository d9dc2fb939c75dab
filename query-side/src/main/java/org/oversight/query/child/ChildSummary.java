package org.oversight.query.child;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.oversight.events.childcase.ChairRole;

/** A child as the caseload projection knows them, with their current chairs. */
public record ChildSummary(String childId, String localAuthority, String localIdentifier, String givenName,
        String familyName, LocalDate dateOfBirth, LocalDate expectedDateOfDelivery, LocalDate registeredOn,
        long lastSequence, List<Allocation> allocations) {

    public record Allocation(ChairRole role, String chairId, String chairName, LocalDate allocatedFrom,
            int chairChanges) {
    }

    public String name() {
        return org.oversight.query.web.ChildNames.of(givenName, familyName);
    }

    public boolean unborn() {
        return dateOfBirth == null;
    }

    public Optional<Allocation> allocation(ChairRole role) {
        return allocations.stream().filter(a -> a.role() == role).findFirst();
    }
}
