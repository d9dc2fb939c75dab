package org.oversight.query.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The facts a report reads for one period, indexed by kind and by the period of care, plan or enquiry. */
public final class Window {

    private final ReportPeriod period;
    private final Map<FactKind, List<Fact>> byKind = new HashMap<>();
    private final Map<String, List<Fact>> byGroup = new HashMap<>();
    private final Map<String, java.math.BigDecimal> fullTimeEquivalents;

    public Window(ReportPeriod period, List<Fact> facts) {
        this(period, facts, Map.of());
    }

    /** With each chair's full-time equivalent on the period's last day, by username. */
    public Window(ReportPeriod period, List<Fact> facts, Map<String, java.math.BigDecimal> fullTimeEquivalents) {
        this.period = period;
        this.fullTimeEquivalents = Map.copyOf(fullTimeEquivalents);
        for (Fact fact : facts) {
            byKind.computeIfAbsent(fact.kind(), k -> new java.util.ArrayList<>()).add(fact);
            if (fact.groupId() != null) {
                byGroup.computeIfAbsent(fact.groupId(), k -> new java.util.ArrayList<>()).add(fact);
            }
        }
    }

    public ReportPeriod period() {
        return period;
    }

    /** Every fact of the kind, whenever it happened. */
    public Stream<Fact> all(FactKind kind) {
        return byKind.getOrDefault(kind, List.of()).stream();
    }

    /** The facts of the kind that happened in the period. */
    public Stream<Fact> happened(FactKind kind) {
        return all(kind).filter(f -> period.contains(f.happenedOn()));
    }

    /** A chair's full-time equivalent on the period's last day: 1 (full time) when no hours are recorded. */
    public java.math.BigDecimal fullTimeEquivalent(String chair) {
        return fullTimeEquivalents.getOrDefault(chair, java.math.BigDecimal.ONE);
    }

    /** The facts of the kind about this one: the papers of a review or conference. */
    public Stream<Fact> about(Fact fact, FactKind kind) {
        return byGroup.getOrDefault(fact.factId(), List.of()).stream().filter(f -> f.kind() == kind);
    }

    /** The facts of the kind in the same period of care, plan or enquiry as this one. */
    public Stream<Fact> sameGroup(Fact fact, FactKind kind) {
        return byGroup.getOrDefault(fact.groupId(), List.of()).stream().filter(f -> f.kind() == kind);
    }
}
