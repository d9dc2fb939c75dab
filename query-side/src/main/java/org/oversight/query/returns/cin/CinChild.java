package org.oversight.query.returns.cin;

import java.time.LocalDate;
import java.util.List;
import org.oversight.query.returns.Characteristics;

/**
 * One child as the CIN census child protection module returns them for a collection year: what the file holds
 * about the child, field by field, and what the checks are run against.
 *
 * @param childId           the child's case; never written to the file
 * @param laChildId         {@code LAchildID}: the authority's own identifier
 * @param birthDate         {@code PersonBirthDate}, or {@code null} for an unborn child
 * @param expectedBirthDate {@code ExpectedPersonBirthDate} of an unborn child
 */
public record CinChild(String childId, String laChildId, LocalDate birthDate, LocalDate expectedBirthDate,
        Characteristics characteristics, List<Section47> section47s, List<ProtectionPlan> plans) {

    public CinChild {
        section47s = List.copyOf(section47s);
        plans = List.copyOf(plans);
    }

    /**
     * A {@code Section47} block.
     *
     * @param actualStartDate  {@code S47ActualStartDate}: the strategy discussion that initiated the enquiry
     * @param initialCpcTarget {@code InitialCPCtarget}: 15 working days after it
     * @param dateOfInitialCpc {@code DateOfInitialCPC}, when held by the reference date
     * @param icpcNotRequired  {@code ICPCnotRequired}
     */
    public record Section47(LocalDate actualStartDate, LocalDate initialCpcTarget, LocalDate dateOfInitialCpc,
            boolean icpcNotRequired) {
    }

    /**
     * A {@code ChildProtectionPlans} block.
     *
     * @param startDate           {@code CPPstartDate}
     * @param endDate             {@code CPPendDate}, when ended by the reference date
     * @param initialCategory     {@code InitialCategoryOfAbuse}
     * @param latestCategory      {@code LatestCategoryOfAbuse}
     * @param numberOfPreviousCpp {@code NumberOfPreviousCPP}
     * @param reviewDates         {@code Reviews/CPPreviewDate}, those held in the collection year
     */
    public record ProtectionPlan(LocalDate startDate, LocalDate endDate, String initialCategory,
            String latestCategory, Integer numberOfPreviousCpp, List<LocalDate> reviewDates) {
        public ProtectionPlan {
            reviewDates = List.copyOf(reviewDates);
        }
    }
}
