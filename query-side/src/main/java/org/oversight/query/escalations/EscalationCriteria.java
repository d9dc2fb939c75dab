package org.oversight.query.escalations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which escalations a dashboard counts or a list shows: the values of some {@link Criterion criteria}, each
 * matched exactly. Read from a page's query parameters; what cannot be used (a date that is not one, a facet
 * value that does not exist) is ignored and named in {@link #problems()} so the page can say so.
 */
public final class EscalationCriteria {

    private final Map<Criterion, String> values;
    private final List<String> problems;

    private EscalationCriteria(EnumMap<Criterion, String> values, List<String> problems) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.problems = List.copyOf(problems);
    }

    public static EscalationCriteria none() {
        return new EscalationCriteria(new EnumMap<>(Criterion.class), List.of());
    }

    /** From a request's parameters; blank values mean "any", unknown parameters are ignored. */
    public static EscalationCriteria from(Map<String, String> parameters) {
        EnumMap<Criterion, String> values = new EnumMap<>(Criterion.class);
        List<String> problems = new ArrayList<>();
        for (Criterion criterion : Criterion.values()) {
            String value = parameters.get(criterion.parameter());
            if (value == null || value.isBlank()) {
                continue;
            }
            value = value.strip();
            if (criterion.accepts(value)) {
                values.put(criterion, value);
            } else {
                problems.add(criterion.parameter());
            }
        }
        return new EscalationCriteria(values, problems);
    }

    /** These criteria and one more (replacing any value it had). */
    public EscalationCriteria with(Criterion criterion, String value) {
        EnumMap<Criterion, String> more = new EnumMap<>(Criterion.class);
        more.putAll(values);
        more.put(criterion, value);
        return new EscalationCriteria(more, problems);
    }

    /** Only the dashboard's filters, without any drill-down facet. */
    public EscalationCriteria filtersOnly() {
        EnumMap<Criterion, String> filters = new EnumMap<>(Criterion.class);
        values.forEach((c, v) -> {
            if (c.filter()) {
                filters.put(c, v);
            }
        });
        return new EscalationCriteria(filters, problems);
    }

    public boolean matches(AssessedEscalation escalation) {
        return values.entrySet().stream().allMatch(e -> e.getKey().matches(escalation, e.getValue()));
    }

    /** The value given for a criterion, or {@code null}. */
    public String value(Criterion criterion) {
        return values.get(criterion);
    }

    /** The value of the criterion with this parameter name, or {@code ""}: for filling in a filter form. */
    public String get(String parameter) {
        return values.entrySet().stream().filter(e -> e.getKey().parameter().equals(parameter))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    public LocalDate raisedFrom() {
        String from = values.get(Criterion.RAISED_FROM);
        return from == null ? null : LocalDate.parse(from);
    }

    public LocalDate raisedTo() {
        String to = values.get(Criterion.RAISED_TO);
        return to == null ? null : LocalDate.parse(to);
    }

    public Map<Criterion, String> values() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Parameters that were given but could not be used. */
    public List<String> problems() {
        return problems;
    }

    /** As a query string, {@code level=TEAM_MANAGER&status=open}, in a stable order; empty when there are none. */
    public String query() {
        return values.entrySet().stream()
                .map(e -> e.getKey().parameter() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The query string with a leading {@code ?}, or empty. */
    public String suffix() {
        return values.isEmpty() ? "" : "?" + query();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EscalationCriteria c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return query();
    }
}
