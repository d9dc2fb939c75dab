package org.oversight.deploy.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.oversight.query.clocks.StatutoryClock;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.protection.ProtectionRecord;

/**
 * Holds two of a child's records against each other component by component, every nested record and list
 * included, and lists each difference by where it is in the record.
 *
 * <p>A list whose rows carry their own identifier (enquiries, conferences, plans, periods, reviews, actions) is
 * matched row by row on it, because rows that tie on the date a list is sorted by may come in either order
 * without either side being wrong; which row is newest is compared separately (see
 * {@link #derived(ProtectionRecord)}). Any other list is compared in order.
 *
 * <p>A difference names the path and, for dates, numbers, booleans and codes, the two values; free text (an
 * action, a reason, a name) is only said to differ, so that a failure never prints what was written about a
 * child.
 */
final class RecordDifferences {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,40}");
    private static final Map<Class<?>, Function<Object, String>> IDENTIFIERS = Map.of(
            ProtectionRecord.Enquiry.class, row -> ((ProtectionRecord.Enquiry) row).enquiryId(),
            ProtectionRecord.Conference.class, row -> ((ProtectionRecord.Conference) row).conferenceId(),
            ProtectionRecord.Plan.class, row -> ((ProtectionRecord.Plan) row).planId(),
            LookedAfterRecord.Period.class, row -> ((LookedAfterRecord.Period) row).periodId(),
            LookedAfterRecord.Review.class, row -> ((LookedAfterRecord.Review) row).reviewId(),
            LookedAfterRecord.Action.class, row -> ((LookedAfterRecord.Action) row).actionId());

    private final List<String> differences = new ArrayList<>();

    private RecordDifferences() {
    }

    /** Every difference between the projection's record and the fold's, empty when they agree. */
    static List<String> between(String path, Object projected, Object folded) {
        RecordDifferences found = new RecordDifferences();
        found.compare(path, projected, folded);
        return found.differences;
    }

    /**
     * What the clocks and pages take from the top of each protection list (the open plan, the open enquiry, the
     * newest conference's day), so that the order the lists are read in is compared too.
     */
    static Map<String, Object> derived(ProtectionRecord record) {
        Map<String, Object> derived = new LinkedHashMap<>();
        derived.put("openPlan", record.openPlan().map(ProtectionRecord.Plan::planId).orElse(null));
        derived.put("openEnquiry", record.openEnquiry().map(ProtectionRecord.Enquiry::enquiryId).orElse(null));
        derived.put("newestConferenceOn", record.conferences().stream().findFirst()
                .map(ProtectionRecord.Conference::heldOn).orElse(null));
        derived.put("newestPlanStartedOn", record.plans().stream().findFirst()
                .map(ProtectionRecord.Plan::startDate).orElse(null));
        derived.put("newestEnquiryOn", record.enquiries().stream().findFirst()
                .map(ProtectionRecord.Enquiry::strategyDiscussionOn).orElse(null));
        return derived;
    }

    /** As {@link #derived(ProtectionRecord)}, for the looked-after lists. */
    static Map<String, Object> derived(LookedAfterRecord record) {
        Map<String, Object> derived = new LinkedHashMap<>();
        derived.put("currentPeriod", record.currentPeriod().map(LookedAfterRecord.Period::periodId).orElse(null));
        derived.put("newestPeriodStartedOn", record.periods().stream().findFirst()
                .map(LookedAfterRecord.Period::startedOn).orElse(null));
        derived.put("latestReviewOn", record.latestReview().map(LookedAfterRecord.Review::heldOn).orElse(null));
        derived.put("currentPermanencePlan", record.currentPermanencePlan()
                .map(LookedAfterRecord.PermanencePlanEntry::plan).orElse(null));
        derived.put("openActions", record.openActions().size());
        derived.put("overdueActions", record.overdueActions());
        derived.put("firstOpenActionDueOn", record.openActions().stream().findFirst()
                .map(LookedAfterRecord.Action::dueOn).orElse(null));
        return derived;
    }

    private void compare(String path, Object projected, Object folded) {
        if (projected == null || folded == null) {
            if (projected != folded) {
                differ(path, projected, folded);
            }
        } else if (projected instanceof Record && projected.getClass() == folded.getClass()) {
            for (RecordComponent component : projected.getClass().getRecordComponents()) {
                compare(path + "." + component.getName(), value(component, projected), value(component, folded));
            }
        } else if (projected instanceof List<?> left && folded instanceof List<?> right) {
            compareLists(path, left, right);
        } else if (projected instanceof Map<?, ?> left && folded instanceof Map<?, ?> right) {
            for (Object key : left.keySet()) {
                compare(path + "." + key, left.get(key), right.get(key));
            }
        } else if (!Objects.equals(projected, folded)) {
            differ(path, projected, folded);
        }
    }

    private void compareLists(String path, List<?> projected, List<?> folded) {
        Function<Object, String> identifier = projected.isEmpty() ? null : IDENTIFIERS.get(projected.get(0).getClass());
        if (identifier == null && !folded.isEmpty()) {
            identifier = IDENTIFIERS.get(folded.get(0).getClass());
        }
        if (projected.size() != folded.size()) {
            differences.add(path + ": the projection has " + projected.size() + " rows, the as-at fold "
                    + folded.size());
        }
        if (identifier == null) {
            for (int i = 0; i < Math.min(projected.size(), folded.size()); i++) {
                compare(path + "[" + i + kind(projected.get(i)) + "]", projected.get(i), folded.get(i));
            }
            return;
        }
        Map<String, Object> foldedById = new LinkedHashMap<>();
        for (Object row : folded) {
            foldedById.put(identifier.apply(row), row);
        }
        for (int i = 0; i < projected.size(); i++) {
            Object row = projected.get(i);
            Object match = foldedById.remove(identifier.apply(row));
            if (match == null) {
                differences.add(path + "[" + i + "]: only in the projection");
            } else {
                compare(path + "[" + i + "]", row, match);
            }
        }
        if (!foldedById.isEmpty()) {
            differences.add(path + ": " + foldedById.size() + " rows only in the as-at fold");
        }
    }

    /** A row's kind, where it has one (a clock's, a change's), to say which row differs. */
    private static String kind(Object row) {
        if (row instanceof LookedAfterRecord.Change change) {
            return " " + change.kind();
        }
        if (row instanceof StatutoryClock clock) {
            return " " + clock.kind();
        }
        return "";
    }

    private void differ(String path, Object projected, Object folded) {
        differences.add(path + ": projection " + shown(projected) + ", as-at fold " + shown(folded));
    }

    private static String shown(Object value) {
        if (value == null || value instanceof LocalDate || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return String.valueOf(value);
        }
        if (value instanceof String text && CODE.matcher(text).matches()) {
            return text;
        }
        return value instanceof String ? "(free text, not shown)" : "(" + value.getClass().getSimpleName() + ")";
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Could not read " + component.getName(), e);
        }
    }
}
