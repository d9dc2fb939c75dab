package org.oversight.deploy.importing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.oversight.command.childcase.ChildIds;
import org.oversight.command.directory.Directory;
import org.oversight.command.rules.RuleViolation;
import org.oversight.deploy.generator.InProcessCommandSide;
import org.oversight.deploy.generator.InProcessCommandSide.ImportedCommand;
import org.oversight.deploy.generator.InProcessCommandSide.RefusedImport;
import org.oversight.events.RecordedBy;
import org.oversight.events.childcase.ChildRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings one authority's returns in, child by child, through the real aggregates: each child's commands are sent
 * in date order with the aggregates' "today" set to the day each fact happened (as the history generator does), so
 * a child who has turned 18 since is registered as the child they were then, and every rule is the one a chair
 * meets. A child is one unit of work: all their events, and the claim of the authority's identifier for them, are
 * appended in one transaction (with those of the other new children of their chunk), or nothing is. An identifier already held means the child is already in Oversight:
 * their rows are compared with the record, and only what is new is added (see {@link HeldComparison}), which makes
 * importing the same files again change nothing and a later year's files add only that year's facts.
 *
 * <p>Each event carries who ran the import, the true moment it was recorded (now, not the day of the fact), the
 * import's id and the file and row it came from.
 */
public final class HistoryImport {

    /** How many children are looked up, and their new events appended, together. */
    static final int CHUNK = 100;

    /** What to import, for which authority, by whom, and whether to write anything. */
    public record Request(String importId, String localAuthority, String username, String displayName,
            boolean dryRun) {
    }

    private final Directory directory;
    private final EventStorageEngine engine;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public HistoryImport(Directory directory, EventStorageEngine engine, DataSource dataSource,
            TransactionTemplate transactions, Clock clock) {
        this.directory = directory;
        this.engine = engine;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = transactions;
        this.clock = clock;
    }

    /** How far an import has come: the children done, and their rows. */
    @FunctionalInterface
    public interface Progress {
        void done(int children, long rows);
    }

    /** Imports every child of {@code files}; {@code progress} hears how many children are done. */
    public ImportReport run(Request request, ReturnFiles files, IntConsumer progress) {
        return run(request, files, (children, rows) -> progress.accept(children));
    }

    /** Imports every child of {@code files}, bucket by bucket; {@code progress} hears after each child. */
    public ImportReport run(Request request, ReturnFiles files, Progress progress) {
        ImportReport report = new ImportReport();
        files.problems().forEach(report::fileProblem);
        HistoryPlanner planner = new HistoryPlanner(request.localAuthority());
        try (InProcessCommandSide commandSide = new InProcessCommandSide(new ImportDirectory(directory))) {
            Chunk chunk = new Chunk(request, planner, commandSide, report, progress);
            files.forEachChild(chunk::add);
            chunk.finish();
        }
        return report;
    }

    /**
     * Children taken {@link #CHUNK} at a time: which of them Oversight holds is asked in one query, and the new
     * ones are appended together in one transaction, each child's identifier claimed with its events; a child
     * whose claim is lost (registered meanwhile) has nothing of theirs written and the rest are unaffected. The
     * report hears of the children in the order they came, once their chunk is written. A child who shares an
     * identifier with one already in the chunk waits for the next, so that it finds the first one held.
     */
    private final class Chunk {

        private final Request request;
        private final HistoryPlanner planner;
        private final InProcessCommandSide commandSide;
        private final ImportReport report;
        private final Progress progress;
        private final Map<String, List<SourceRow>> children = new LinkedHashMap<>();
        private final Set<String> keys = new HashSet<>();
        private int done;
        private long rowsDone;

        Chunk(Request request, HistoryPlanner planner, InProcessCommandSide commandSide, ImportReport report,
                Progress progress) {
            this.request = request;
            this.planner = planner;
            this.commandSide = commandSide;
            this.report = report;
            this.progress = progress;
        }

        void add(String identifier, List<SourceRow> rows) {
            if (!keys.add(ChildIds.key(identifier))) {
                finish();
                keys.add(ChildIds.key(identifier));
            }
            children.put(identifier, rows);
            if (children.size() >= CHUNK) {
                finish();
            }
        }

        void finish() {
            if (children.isEmpty()) {
                return;
            }
            Map<String, String> held = heldChildren(request.localAuthority(), children.keySet());
            List<NewChild> appending = new ArrayList<>();
            List<Runnable> outcomes = new ArrayList<>();
            for (Map.Entry<String, List<SourceRow>> child : children.entrySet()) {
                String identifier = child.getKey();
                List<SourceRow> rows = child.getValue();
                String heldChild = held.get(identifier);
                if (heldChild != null) {
                    // written in its own transaction as it goes; its lines wait their turn in the report
                    ImportReport own = new ImportReport();
                    addToHeld(request, planner, commandSide, identifier, heldChild, rows, own);
                    outcomes.add(() -> report.append(own));
                } else {
                    importNew(identifier, rows, appending, outcomes);
                }
            }
            if (!request.dryRun() && !appending.isEmpty()) {
                append(appending);
            }
            for (Runnable outcome : outcomes) {
                outcome.run();
            }
            for (List<SourceRow> rows : children.values()) {
                rowsDone += rows.size();
                progress.done(++done, rowsDone);
            }
            children.clear();
            keys.clear();
        }

        private void importNew(String identifier, List<SourceRow> rows, List<NewChild> appending,
                List<Runnable> outcomes) {
            ChildPlan plan = planner.plan(identifier, rows);
            if (plan.refused()) {
                outcomes.add(() -> report.refused(identifier, plan.refusal(), rows));
                return;
            }
            Instant recordedAt = clock.instant();
            List<ImportedCommand> commands = commands(request, plan.steps(), recordedAt);
            List<DomainEventMessage<?>> events;
            try {
                events = commandSide.recordImported(commands);
            } catch (RefusedImport refused) {
                PlannedStep step = plan.steps().get(refused.index());
                outcomes.add(() -> report.refused(identifier, refusal(step, refused.getCause()), rows));
                return;
            }
            NewChild child = new NewChild(restamped(events, recordedAt));
            appending.add(child);
            outcomes.add(() -> {
                if (!request.dryRun() && !child.claimed) {
                    report.alreadyImported(identifier, rows.size());
                } else {
                    report.imported(identifier, rows.size(), events.size(), request.dryRun());
                }
            });
        }
    }

    /** A new child's events, and whether their identifier was theirs to claim. */
    private static final class NewChild {

        final List<DomainEventMessage<?>> events;
        final List<ChildRegistered> registrations;
        boolean claimed;

        NewChild(List<DomainEventMessage<?>> events) {
            this.events = events;
            this.registrations = events.stream().map(DomainEventMessage::getPayload)
                    .filter(ChildRegistered.class::isInstance).map(ChildRegistered.class::cast).toList();
        }
    }

    /**
     * A child Oversight holds already: their rows are compared with the record. Rows it holds are left; a row that
     * contradicts it is reported with both values and nothing of the child is written; the new facts go through
     * the aggregates standing on the child's stored events, all together or not at all. The same files imported
     * twice therefore add nothing the second time.
     */
    private void addToHeld(Request request, HistoryPlanner planner, InProcessCommandSide commandSide,
            String identifier, String childId, List<SourceRow> rows, ImportReport report) {
        HeldHistory held = new HeldHistory(childId, stored(childId));
        ChildPlan plan = planner.plan(identifier, childId, rows, held::periodOpenOn);
        if (plan.refused()) {
            report.refused(identifier, plan.refusal(), rows);
            return;
        }
        HeldComparison.Result compared = HeldComparison.compare(held, plan);
        Set<SourceRow> newRows = new LinkedHashSet<>();
        compared.fresh().forEach(step -> newRows.add(step.source()));
        if (!compared.conflicts().isEmpty()) {
            Set<SourceRow> conflicting = new HashSet<>();
            compared.conflicts().forEach(c -> conflicting.add(c.row()));
            report.conflicted(identifier, compared.conflicts(),
                    newRows.stream().filter(r -> !conflicting.contains(r)).toList());
            return;
        }
        if (compared.fresh().isEmpty()) {
            report.alreadyImported(identifier, rows.size());
            return;
        }
        Instant recordedAt = clock.instant();
        List<DomainEventMessage<?>> events;
        try {
            events = commandSide.recordImported(held.events(), commands(request, compared.fresh(), recordedAt));
        } catch (RefusedImport refused) {
            PlannedStep step = compared.fresh().get(refused.index());
            report.refused(identifier, refusal(step, refused.getCause()), rows);
            return;
        }
        if (!request.dryRun() && !appendToHeld(restamped(events, recordedAt))) {
            report.refused(identifier, new Refusal(compared.fresh().get(0).source(), null, "record-unchanged",
                    "The child's record changed in Oversight while the import ran, so nothing was added: import "
                            + "the same files again"), rows);
            return;
        }
        report.added(identifier, newRows.size(), rows.size() - newRows.size(), events.size(), request.dryRun());
    }

    /** Every event of the child's case, care and protection streams, as stored. */
    private List<DomainEventMessage<?>> stored(String childId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (String stream : HeldHistory.streamsOf(childId)) {
            engine.readEvents(stream).asStream().forEach(events::add);
        }
        return events;
    }

    private static List<ImportedCommand> commands(Request request, List<PlannedStep> steps, Instant recordedAt) {
        List<ImportedCommand> commands = new ArrayList<>();
        for (PlannedStep step : steps) {
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(RecordedBy.USERNAME, request.username());
            metadata.put(RecordedBy.DISPLAY_NAME, request.displayName());
            metadata.put(RecordedBy.RECORDED_AT, recordedAt.toString());
            metadata.put(ImportedFrom.IMPORT_ID, request.importId());
            metadata.put(ImportedFrom.SOURCE_FILE, step.source().file());
            metadata.put(ImportedFrom.SOURCE_ROW, step.source().row());
            commands.add(new ImportedCommand(step.on(), step.command(), metadata));
        }
        return commands;
    }

    /** The refusal as the aggregate gave it: its rule, the field it names and its message for a person. */
    private static Refusal refusal(PlannedStep step, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RuleViolation violation) {
                return new Refusal(step.source(), violation.field(), violation.rule(),
                        "On " + step.on() + ": " + violation.getMessage());
            }
        }
        // not a rule of the record: say which command, never the exception's text, which may quote a value
        return new Refusal(step.source(), null, "command-refused", "On " + step.on() + ": "
                + step.command().getClass().getSimpleName() + " was refused ("
                + cause.getClass().getSimpleName() + ")");
    }

    /**
     * Of the children given by the authority's identifier, those Oversight holds already, with their case, under
     * either kind of case id: the claimed identifiers in one query, the earlier derived case ids in another.
     */
    private Map<String, String> heldChildren(String localAuthority, Collection<String> identifiers) {
        Map<String, String> byKey = new HashMap<>();
        jdbc.sql("SELECT local_identifier, child_id FROM child_identifier WHERE local_authority = :la "
                        + "AND local_identifier IN (:ids)")
                .param("la", ChildIds.key(localAuthority))
                .param("ids", identifiers.stream().map(ChildIds::key).distinct().toList())
                .query((rs, i) -> byKey.put(rs.getString(1), rs.getString(2))).list();
        Map<String, String> legacy = new HashMap<>();
        for (String identifier : identifiers) {
            if (!byKey.containsKey(ChildIds.key(identifier))) {
                legacy.put(ChildIds.legacyId(localAuthority, identifier), identifier);
            }
        }
        Set<String> legacyHeld = new HashSet<>();
        if (!legacy.isEmpty()) {
            legacyHeld.addAll(jdbc.sql("SELECT DISTINCT aggregateidentifier FROM domainevententry "
                            + "WHERE aggregateidentifier IN (:ids)")
                    .param("ids", new ArrayList<>(legacy.keySet())).query(String.class).list());
        }
        Map<String, String> held = new HashMap<>();
        for (String identifier : identifiers) {
            String claimed = byKey.get(ChildIds.key(identifier));
            if (claimed != null) {
                held.put(identifier, claimed);
            } else {
                String legacyId = ChildIds.legacyId(localAuthority, identifier);
                if (legacyHeld.contains(legacyId)) {
                    held.put(identifier, legacyId);
                }
            }
        }
        return held;
    }

    /**
     * The events as recorded now: the aggregates judged each on the day it happened, but the store says truly
     * when Oversight learnt of it.
     */
    private static List<DomainEventMessage<?>> restamped(List<DomainEventMessage<?>> events, Instant recordedAt) {
        List<DomainEventMessage<?>> now = new ArrayList<>(events.size());
        for (DomainEventMessage<?> event : events) {
            now.add(new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getPayload(), event.getMetaData(), event.getIdentifier(),
                    recordedAt));
        }
        return now;
    }

    /**
     * New events of a held child, in one transaction; false when a stream moved on meanwhile (a chair recorded
     * something), which the store refuses by sequence number.
     */
    private boolean appendToHeld(List<DomainEventMessage<?>> events) {
        try {
            transactions.executeWithoutResult(status -> engine.appendEvents(events));
            return true;
        } catch (org.axonframework.modelling.command.ConcurrencyException moved) {
            return false;
        }
    }

    /**
     * New children's events and the claims of their identifiers, in one transaction. A child whose identifier
     * another case holds by now (registered while the import ran) has their claim and events left out, the others
     * go in; each child is marked with whether their claim held.
     */
    private void append(List<NewChild> children) {
        List<ChildRegistered> registrations = new ArrayList<>();
        children.forEach(c -> registrations.addAll(c.registrations));
        transactions.executeWithoutResult(status -> {
            Set<String> claimed = new HashSet<>(claim(registrations));
            List<DomainEventMessage<?>> events = new ArrayList<>();
            List<String> partlyClaimed = new ArrayList<>();
            for (NewChild child : children) {
                child.claimed = child.registrations.stream().allMatch(r -> claimed.contains(r.childId()));
                if (child.claimed) {
                    events.addAll(child.events);
                } else {
                    child.registrations.stream().map(ChildRegistered::childId).filter(claimed::contains)
                            .forEach(partlyClaimed::add);
                }
            }
            if (!partlyClaimed.isEmpty()) {
                jdbc.sql("DELETE FROM child_identifier WHERE child_id IN (:children)")
                        .param("children", partlyClaimed).update();
            }
            if (!events.isEmpty()) {
                engine.appendEvents(events);
            }
        });
    }

    /**
     * Claims the identifiers as {@link org.oversight.command.childcase.JdbcChildIdentifiers#claimAll} does, in
     * one statement; returns the cases whose claim held.
     */
    private List<String> claim(List<ChildRegistered> registrations) {
        if (registrations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                INSERT INTO child_identifier (local_authority, local_identifier, child_id)
                SELECT * FROM unnest(:authorities::text[], :identifiers::text[], :children::text[])
                ON CONFLICT DO NOTHING
                RETURNING child_id
                """)
                .param("authorities", registrations.stream().map(r -> ChildIds.key(r.localAuthority()))
                        .toArray(String[]::new))
                .param("identifiers", registrations.stream().map(r -> ChildIds.key(r.localIdentifier()))
                        .toArray(String[]::new))
                .param("children", registrations.stream().map(ChildRegistered::childId).toArray(String[]::new))
                .query(String.class).list();
    }
}
