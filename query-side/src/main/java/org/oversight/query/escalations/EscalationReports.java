package org.oversight.query.escalations;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.query.access.Scope;
import org.oversight.query.directory.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * What the QA lead's pages and API show: the dashboard, the lists behind its numbers, the filter options and
 * the CSV of each. The CSV carries what the page shows and nothing more (no free text a chair typed). Everything is
 * drawn within the reader's authorities; the dashboard's figures count escalations about restricted records, the
 * lists behind them show those only to the people named on the records.
 */
@Component
public class EscalationReports {

    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final EscalationQueries queries;
    private final EscalationClocks clocks;
    private final EscalationPolicy vocabulary;
    private final StaffDirectory directory;

    public EscalationReports(EscalationQueries queries, EscalationClocks clocks, EscalationPolicy vocabulary,
            StaffDirectory directory) {
        this.queries = queries;
        this.clocks = clocks;
        this.vocabulary = vocabulary;
        this.directory = directory;
    }

    /** The figures, over the scope's authorities, restricted records counted. */
    public Dashboard dashboard(EscalationCriteria criteria, Scope scope) {
        EscalationCriteria filters = criteria.filtersOnly();
        Scope figures = scope.asFigures();
        return DashboardCounts.count(queries.tally(filters, figures), filters, levels(figures),
                categories(figures), vocabulary, clocks.today());
    }

    public List<AssessedEscalation> list(EscalationCriteria criteria, Scope scope) {
        return queries.matching(criteria, scope);
    }

    /** The options of each filter: value to label, in display order. */
    public Map<String, Map<String, String>> filterOptions(Scope scope) {
        Map<String, Map<String, String>> options = new LinkedHashMap<>();
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put(EscalationPolicy.INFORMAL, vocabulary.title(EscalationPolicy.INFORMAL));
        withRecorded(levels(scope), queries.levelsRecorded(scope)).forEach(l -> levels.put(l, vocabulary.title(l)));
        options.put("level", levels);
        Map<String, String> categories = new LinkedHashMap<>();
        withRecorded(categories(scope), queries.categoriesRecorded(scope))
                .forEach(c -> categories.put(c, vocabulary.title(c)));
        options.put("category", categories);
        options.put("team", queries.teams(scope).stream()
                .collect(Collectors.toMap(t -> t, t -> t, (a, b) -> a, LinkedHashMap::new)));
        options.put("chair", queries.chairs(scope));
        return options;
    }

    /** What the criteria select, in words: "open, at Service manager, raised from 1 April 2025". */
    public List<String> describe(EscalationCriteria criteria, Scope scope) {
        List<String> words = new ArrayList<>();
        Map<String, String> chairs = queries.chairs(scope);
        criteria.values().forEach((criterion, value) -> words.add(switch (criterion) {
            case RAISED_FROM -> "raised on or after " + spoken(value);
            case RAISED_TO -> "raised on or before " + spoken(value);
            case LEVEL -> EscalationPolicy.INFORMAL.equals(value) ? "informal alerts"
                    : "at or closed at " + vocabulary.title(value);
            case CATEGORY -> "about " + vocabulary.title(value);
            case TEAM -> "raised by the " + value;
            case CHAIR -> "raised by " + chairs.getOrDefault(value, value);
            case STATUS -> value;
            case AGE -> "open for " + AgeBand.ofKey(value).title().toLowerCase(Locale.UK);
            case OVERDUE -> Boolean.parseBoolean(value) ? "with an overdue response" : "with no overdue response";
            case PAST_TARGET -> Boolean.parseBoolean(value) ? "open past the 20-working-day target"
                    : "not past the 20-working-day target";
            case FORMAL -> Boolean.parseBoolean(value) ? "formal" : "informal throughout";
            case OUTCOME -> switch (value) {
                case "in-childs-interest" -> "resolved in the child's interest";
                case "not-in-childs-interest" -> "resolved, not in the child's interest";
                default -> "withdrawn";
            };
            case CAFCASS -> Boolean.parseBoolean(value) ? "referred to Cafcass" : "not referred to Cafcass";
            case WITHIN_TARGET -> Boolean.parseBoolean(value) ? "resolved within 20 working days of becoming formal"
                    : "resolved later than 20 working days after becoming formal";
            case RAISED_QUARTER -> "raised in " + FinancialQuarter.parse(value).title();
            case RESOLVED_QUARTER -> "resolved in " + FinancialQuarter.parse(value).title();
        }));
        return words;
    }

    /** One dashboard table as CSV: a header row, then a row for each of the table's rows. */
    public String csv(Dashboard.Table table) {
        Csv csv = new Csv();
        List<String> header = new ArrayList<>(List.of(table.rowHeading()));
        table.columns().forEach(c -> header.add(c.heading()));
        csv.row(header);
        for (Dashboard.Row row : table.rows()) {
            List<String> fields = new ArrayList<>(List.of(row.label()));
            table.columns().forEach(c -> fields.add(row.cell(c.key()).text()));
            csv.row(fields);
        }
        return csv.toString();
    }

    /** A list of escalations as CSV, with the columns the list page shows. */
    public String csv(List<AssessedEscalation> escalations) {
        Map<String, String> authorities = directory.localAuthorities();
        Csv csv = new Csv().row("Escalation", "Children", "Local authority", "Concern category", "Level", "Formal",
                "Status", "Raised on", "Raised by", "Team", "Response due by", "Response overdue",
                "Working days open", "Working days to resolution", "Closed on", "Referred to Cafcass on");
        for (AssessedEscalation a : escalations) {
            EscalationSummary e = a.escalation();
            EscalationProgress p = e.progress();
            Timeliness t = a.timeliness();
            csv.row(e.escalationId(),
                    e.children().stream().map(c -> c.name() == null ? c.childId() : c.name())
                            .collect(Collectors.joining("; ")),
                    authorities.getOrDefault(e.localAuthority(), e.localAuthority()),
                    vocabulary.title(e.concernCategory()), vocabulary.title(p.level()), p.formal() ? "Yes" : "No",
                    p.status().title(), iso(e.raisedOn()), e.raisedByName(), e.team(),
                    t.responseDue() == null ? null : iso(t.responseDue().date()), t.responseOverdue() ? "Yes" : "No",
                    Integer.toString(t.workingDaysOpen()),
                    t.workingDaysToResolution() == null ? null : t.workingDaysToResolution().toString(),
                    iso(p.closedOn()), iso(p.cafcassReferredOn()));
        }
        return csv.toString();
    }

    public EscalationPolicy vocabulary() {
        return vocabulary;
    }

    /** The levels of the scope's authorities, lowest first, in the order the authorities are listed. */
    public List<String> levels(Scope scope) {
        Set<String> levels = new LinkedHashSet<>();
        authorities(scope).forEach(la -> levels.addAll(vocabulary.levels(la)));
        return List.copyOf(levels);
    }

    private List<String> categories(Scope scope) {
        Set<String> categories = new LinkedHashSet<>();
        authorities(scope).forEach(la -> categories.addAll(vocabulary.concernCategories(la)));
        return List.copyOf(categories);
    }

    /**
     * The scope's authorities in the directory's order; when there are none, a code no authority has, whose
     * vocabulary is the default protocol's (never another authority's own).
     */
    private List<String> authorities(Scope scope) {
        List<String> authorities = new ArrayList<>(directory.localAuthorities().keySet());
        authorities.removeIf(la -> !scope.covers(la));
        return authorities.isEmpty() ? List.of("") : authorities;
    }

    private static List<String> withRecorded(List<String> known, List<String> recorded) {
        Set<String> all = new LinkedHashSet<>(known);
        all.addAll(recorded);
        return List.copyOf(all);
    }

    private static String spoken(String isoDate) {
        return LocalDate.parse(isoDate).format(SPOKEN);
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
