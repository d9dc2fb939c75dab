package org.oversight.command.protection;

import java.time.LocalDate;

/**
 * What the protection journey needs to know of a child's case, as it stands when a decision is recorded.
 *
 * @param childId                the child's case
 * @param localAuthority         the responsible local authority (its quoracy setting applies)
 * @param dateOfBirth            the date of birth, {@code null} while unborn
 * @param expectedDateOfDelivery present when the child was registered before birth
 */
public record RegisteredChild(String childId, String localAuthority, LocalDate dateOfBirth,
        LocalDate expectedDateOfDelivery) {

    public boolean registeredBeforeBirth() {
        return expectedDateOfDelivery != null;
    }

    /**
     * Whether the child was still unborn on a date: registered before birth and either not yet born or born
     * after that date (a birth may be recorded before an earlier conference is).
     */
    public boolean unbornOn(LocalDate date) {
        return registeredBeforeBirth() && (dateOfBirth == null || date.isBefore(dateOfBirth));
    }
}
