package org.oversight.query.escalations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same levels and themes, in the same order and with the same titles, as the command side's
 * {@code DefaultEscalationPolicy}: the same in every authority. Change both together;
 * {@code EscalationVocabularyInStepTest} in the deploy module fails when they differ.
 */
public class DefaultEscalationVocabulary implements EscalationVocabulary {

    private static final Map<String, String> LEVELS = titles(
            "TEAM_MANAGER", "Team manager",
            "SERVICE_MANAGER", "Service manager",
            "HEAD_OF_SERVICE", "Head of service",
            "DIRECTOR_OF_CHILDRENS_SERVICES", "Director of children's services");

    private static final Map<String, String> CONCERN_CATEGORIES = titles(
            "CARE_PLANNING_DRIFT", "Drift or delay in care planning",
            "STATUTORY_VISITS", "Statutory visits not made",
            "PLACEMENT", "Placement",
            "HEALTH", "Health",
            "EDUCATION", "Education",
            "CONTACT", "Family time and contact",
            "PERMANENCE", "Permanence",
            "LEGAL_PLANNING", "Legal planning",
            "CONFERENCE_OR_REVIEW_PRACTICE", "Conference or review practice",
            "UNALLOCATED_SOCIAL_WORKER", "No allocated social worker",
            "CARE_PLAN_NOT_UPDATED", "Care plan not updated",
            "OTHER", "Other");

    @Override
    public List<String> levels(String localAuthority) {
        return List.copyOf(LEVELS.keySet());
    }

    @Override
    public List<String> concernCategories(String localAuthority) {
        return List.copyOf(CONCERN_CATEGORIES.keySet());
    }

    @Override
    public String title(String code) {
        String title = code == null ? null : LEVELS.getOrDefault(code, CONCERN_CATEGORIES.get(code));
        return title != null ? title : EscalationVocabulary.super.title(code);
    }

    private static Map<String, String> titles(String... codesAndTitles) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (int i = 0; i < codesAndTitles.length; i += 2) {
            titles.put(codesAndTitles[i], codesAndTitles[i + 1]);
        }
        return Collections.unmodifiableMap(titles);
    }
}
