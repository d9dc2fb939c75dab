package org.oversight.deploy.importing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * nothing of them is changed, which makes importing the same files again change nothing.
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

    /** Imports every child of {@code files}; {@code progress} hears how many children are done. */
    public ImportReport run(Request request, ReturnFiles files, IntConsumer progress) {
        ImportReport report = new ImportReport();
        files.problems().forEach(report::fileProblem);
        HistoryPlanner planner = new HistoryPlanner(request.localAuthority());
        int done = 0;
        try (InProcessCommandSide commandSide = new InProcessCommandSide(new ImportDirectory(directory))) {
            for (Map.Entry<String, List<SourceRow>> child : files.children().entrySet()) {
                importChild(request, planner, commandSide, child.getKey(), child.getValue(), report);
                progress.accept(++done);
            }
        }
        return report;
    }

    private void importChild(Request request, HistoryPlanner planner, InProcessCommandSide commandSide,
            String identifier, List<SourceRow> rows, ImportReport report) {
        if (held(request.localAuthority(), identifier)) {
            report.alreadyImported(identifier, rows.size());
            return;
        }
        ChildPlan plan = planner.plan(identifier, rows);
        if (plan.refused()) {
            report.refused(identifier, plan.refusal(), rows);
            return;
        }
        Instant recordedAt = clock.instant();
        List<ImportedCommand> commands = new ArrayList<>();
        for (PlannedStep step : plan.steps()) {
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(RecordedBy.USERNAME, request.username());
            metadata.put(RecordedBy.DISPLAY_NAME, request.displayName());
            metadata.put(RecordedBy.RECORDED_AT, recordedAt.toString());
            metadata.put(ImportedFrom.IMPORT_ID, request.importId());
            metadata.put(ImportedFrom.SOURCE_FILE, step.source().file());
            metadata.put(ImportedFrom.SOURCE_ROW, step.source().row());
            commands.add(new ImportedCommand(step.on(), step.command(), metadata));
        }
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

    /** Whether the authority's identifier for the child is held by a case already, under either kind of case id. */
    private boolean held(String localAuthority, String identifier) {
        boolean claimed = jdbc.sql("SELECT count(*) FROM child_identifier WHERE local_authority = :la "
                        + "AND local_identifier = :id")
                .param("la", ChildIds.key(localAuthority)).param("id", ChildIds.key(identifier))
                .query(Long.class).single() > 0;
        return claimed || engine.lastSequenceNumberFor(ChildIds.legacyId(localAuthority, identifier)).isPresent();
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
