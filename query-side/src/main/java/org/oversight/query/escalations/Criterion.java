package org.oversight.query.escalations;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.query.web.ReadBounds;
import java.util.Objects;
import java.util.Set;

/**
 * One way of narrowing the escalations counted or listed, with its query parameter. The first six are the
 * dashboard's filters; the rest are the facets a drill-down adds to say which count it came from. Each knows
 * whether an escalation matches a value, so a count and the list behind it use the very same test.
 */
public enum Criterion {

    /** Raised on or after this day (ISO date). */
    RAISED_FROM("raisedFrom", true) {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            return !e.escalation().raisedOn().isBefore(LocalDate.parse(value));
        }
    },
    /** Raised on or before this day (ISO date). */
    RAISED_TO("raisedTo", true) {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            return !e.escalation().raisedOn().isAfter(LocalDate.parse(value));
        }
    },
    /** At this level now, or closed at it; {@value EscalationPolicy#INFORMAL} for informal alerts. */
    LEVEL("level", true) {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            String level = e.progress().level();
            return EscalationPolicy.INFORMAL.equals(value) ? level == null : value.equals(level);
        }
    },
    CATEGORY("category", true) {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            return value.equals(keyOf(e));
        }

        @Override
        String keyOf(AssessedEscalation e) {
            return e.escalation().concernCategory();
        }
    },
    /** The raising chair's team. */
    TEAM("team", true) {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            return value.equals(keyOf(e));
        }

        @Override
        String keyOf(AssessedEscalation e) {
            return e.escalation().team();
        }
    },
    /** The raising chair's username. */
    CHAIR("chair", true) {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            return value.equals(keyOf(e));
        }

        @Override
        String keyOf(AssessedEscalation e) {
            return e.escalation().raisedBy();
        }
    },
    /** {@code open}, {@code resolved}, {@code withdrawn} or {@code closed} (either of the last two). */
    STATUS("status", false, "open", "resolved", "withdrawn", "closed") {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            EscalationStatus status = e.progress().status();
            return "closed".equals(value) ? status != EscalationStatus.OPEN
                    : status.name().equalsIgnoreCase(value);
        }
    },
    /** Open and in this {@link AgeBand} (its key). */
    AGE("age", false, "up-to-5", "6-to-10", "11-to-20", "over-20") {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            return e.timeliness().ageBand() == AgeBand.ofKey(value);
        }
    },
    /** {@code true}: open with an overdue response. */
    OVERDUE("overdue", false, "true", "false") {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            return e.timeliness().responseOverdue() == Boolean.parseBoolean(value);
        }
    },
    /** {@code true}: open and past the 20-working-day formal process target. */
    PAST_TARGET("pastTarget", false, "true", "false") {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            return e.timeliness().pastFormalProcessTarget() == Boolean.parseBoolean(value);
        }
    },
    /** {@code true}: formal now (raised formally or moved up); {@code false}: an informal alert throughout. */
    FORMAL("formal", false, "true", "false") {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            return e.progress().formal() == Boolean.parseBoolean(value);
        }
    },
    /** How it closed: {@code in-childs-interest}, {@code not-in-childs-interest} or {@code withdrawn}. */
    OUTCOME("outcome", false, "in-childs-interest", "not-in-childs-interest", "withdrawn") {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            EscalationProgress p = e.progress();
            return switch (value) {
                case "in-childs-interest" -> p.status() == EscalationStatus.RESOLVED
                        && Boolean.TRUE.equals(p.inChildsInterest());
                case "not-in-childs-interest" -> p.status() == EscalationStatus.RESOLVED
                        && !Boolean.TRUE.equals(p.inChildsInterest());
                default -> p.status() == EscalationStatus.WITHDRAWN;
            };
        }
    },
    /** {@code true}: referred to Cafcass. */
    CAFCASS("cafcass", false, "true", "false") {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            return (e.progress().cafcassReferredOn() != null) == Boolean.parseBoolean(value);
        }
    },
    /** Resolved formal escalations that did ({@code true}) or did not meet the 20-working-day target. */
    WITHIN_TARGET("withinTarget", false, "true", "false") {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            return Boolean.valueOf(value).equals(e.timeliness().resolvedWithinTarget());
        }
    },
    /** Raised in this financial quarter ({@link FinancialQuarter#key()}). */
    RAISED_QUARTER("raisedQuarter", false) {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            return e.timeliness().raisedQuarter().equals(FinancialQuarter.parse(value));
        }
    },
    /** Resolved in this financial quarter. */
    RESOLVED_QUARTER("resolvedQuarter", false) {
        @Override
        boolean matches(AssessedEscalation e, String value) {
            return Objects.equals(e.timeliness().resolvedQuarter(), FinancialQuarter.parse(value));
        }
    };

    /** The last year a raised-from or raised-to filter may name. */
    static final int LATEST_FILTER_YEAR = 2999;

    private final String parameter;
    private final boolean filter;
    private final Set<String> allowed;

    Criterion(String parameter, boolean filter, String... allowed) {
        this.parameter = parameter;
        this.filter = filter;
        this.allowed = Set.of(allowed);
    }

    /** The query parameter. */
    public String parameter() {
        return parameter;
    }

    /** Whether it is one of the dashboard's filters, rather than a drill-down facet. */
    public boolean filter() {
        return filter;
    }

    abstract boolean matches(AssessedEscalation escalation, String value);

    /**
     * For a criterion that compares one field for equality (category, team, chair): the one value it matches the
     * escalation at, or {@code null} when it matches none; {@code matches(e, v)} is {@code v.equals(keyOf(e))}.
     * That lets a breakdown share the population out in one pass instead of testing every escalation against
     * every value. {@code null} for every other criterion: see {@link #sharesOutByKey()}.
     */
    String keyOf(AssessedEscalation escalation) {
        return null;
    }

    /** Whether {@link #keyOf} decides this criterion's matches. */
    boolean sharesOutByKey() {
        return this == CATEGORY || this == TEAM || this == CHAIR;
    }

    /** Whether a value typed into the address can be used; an unusable one is reported and ignored. */
    boolean accepts(String value) {
        if (this == RAISED_FROM || this == RAISED_TO) {
            // a day written yyyy-mm-dd within the years the service speaks of: a far-off year would make the
            // dashboard reckon quarters at the edge of the calendar
            if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                return false;
            }
            try {
                LocalDate day = LocalDate.parse(value);
                return !day.isBefore(ReadBounds.EARLIEST_AS_AT) && day.getYear() <= LATEST_FILTER_YEAR;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        if (this == RAISED_QUARTER || this == RESOLVED_QUARTER) {
            return FinancialQuarter.parse(value) != null;
        }
        return allowed.isEmpty() || allowed.contains(value);
    }
}
