package org.oversight.query.returns.ssda903;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.oversight.query.characteristics.Characteristics;

/**
 * What the return reads of one child: who the authority knows them as, their date of birth and characteristics,
 * each period of care's changes in the order recorded, and the reviews held.
 *
 * @param characteristics the child's characteristics, or {@code null} when none are recorded
 * @param periods         each period's changes, periods in the order they started
 */
public record ChildFacts(String childId, String localIdentifier, LocalDate dateOfBirth,
        Characteristics characteristics, Map<String, List<Change>> periods, List<Review> reviews) {

    /** A review held within a period of care, with the child's participation code (PN0 to PN7). */
    public record Review(String periodId, LocalDate heldOn, String participation) {
    }
}
