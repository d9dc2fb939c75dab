package org.oversight.events.protection;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The child became the subject of a child protection plan. A plan starts only at a conference, so
 * {@code startDate} is always that conference's date (CIN rule 2885).
 *
 * @param childId         the child's case ({@link FieldRule#IDENTIFIER})
 * @param planId          identifies the plan ({@link FieldRule#IDENTIFIER})
 * @param startDate       the date of the conference that made the plan (CIN {@code CPPstartDate})
 * @param conferenceId    the conference that made the plan ({@link FieldRule#IDENTIFIER})
 * @param initialCategory the category of abuse at the start; it never changes (CIN {@code InitialCategoryOfAbuse})
 * @param previousPlans   how many plans the child had before this one, anywhere (CIN {@code NumberOfPreviousCPP})
 */
public record ChildProtectionPlanStarted(
        String childId,
        String planId,
        LocalDate startDate,
        String conferenceId,
        CategoryOfAbuse initialCategory,
        int previousPlans) {
}
