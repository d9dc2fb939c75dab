package org.oversight.deploy.importing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.oversight.command.childcase.ChildIds;
import org.oversight.command.childcase.JdbcChildIdentifiers;
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
 * appended in one transaction, or nothing is. An identifier already held means the child is already in Oversight:
 * their rows are compared with the record, and only what is new is added (see {@link HeldComparison}), which makes
 * importing the same files again change nothing and a later year's files add only that year's facts.
 *
 * <p>Each event carries who ran the import, the true moment it was recorded (now, not the day of the fact), the
 * import's id and the file and row it came from.
 */
public final class HistoryImport {

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
        int[] done = {0};
        long[] rowsDone = {0};
        try (InProcessCommandSide commandSide = new InProcessCommandSide(new ImportDirectory(directory))) {
            files.forEachChild((child, rows) -> {
                importChild(request, planner, commandSide, child, rows, report);
                rowsDone[0] += rows.size();
                progress.done(++done[0], rowsDone[0]);
            });
        }
        return report;
    }

    private void importChild(Request request, HistoryPlanner planner, InProcessCommandSide commandSide,
            String identifier, List<SourceRow> rows, ImportReport report) {
        Optional<String> heldChild = heldChild(request.localAuthority(), identifier);
        if (heldChild.isPresent()) {
            addToHeld(request, planner, commandSide, identifier, heldChild.get(), rows, report);
            return;
        }
        ChildPlan plan = planner.plan(identifier, rows);
        if (plan.refused()) {
            report.refused(identifier, plan.refusal(), rows);
            return;
        }
        Instant recordedAt = clock.instant();
        List<ImportedCommand> commands = commands(request, plan.steps(), recordedAt);
        List<DomainEventMessage<?>> events;
        try {
            events = commandSide.recordImported(commands);
        } catch (RefusedImport refused) {
            PlannedStep step = plan.steps().get(refused.index());
            report.refused(identifier, refusal(step, refused.getCause()), rows);
            return;
        }
        if (!request.dryRun() && !append(restamped(events, recordedAt))) {
            report.alreadyImported(identifier, rows.size());
            return;
        }
        report.imported(identifier, rows.size(), events.size(), request.dryRun());
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

    /** The case that holds the authority's identifier for the child already, under either kind of case id. */
    private Optional<String> heldChild(String localAuthority, String identifier) {
        Optional<String> claimed = jdbc.sql("SELECT child_id FROM child_identifier WHERE local_authority = :la "
                        + "AND local_identifier = :id")
                .param("la", ChildIds.key(localAuthority)).param("id", ChildIds.key(identifier))
                .query(String.class).optional();
        if (claimed.isPresent()) {
            return claimed;
        }
        String legacy = ChildIds.legacyId(localAuthority, identifier);
        return engine.lastSequenceNumberFor(legacy).isPresent() ? Optional.of(legacy) : Optional.empty();
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

    /** The child's events and the claim of their identifier, in one transaction; false if the claim was lost. */
    private boolean append(List<DomainEventMessage<?>> events) {
        List<ChildRegistered> registrations = events.stream().map(DomainEventMessage::getPayload)
                .filter(ChildRegistered.class::isInstance).map(ChildRegistered.class::cast).toList();
        Boolean appended = transactions.execute(status -> {
            if (JdbcChildIdentifiers.claimAll(jdbc, registrations) != registrations.size()) {
                status.setRollbackOnly();
                return false;
            }
            engine.appendEvents(events);
            return true;
        });
        return Boolean.TRUE.equals(appended);
    }
}
