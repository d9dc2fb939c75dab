package org.oversight.deploy.generator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.oversight.command.directory.Directory;
import org.oversight.deploy.generator.HistoryGenerator.ChildHistory;
import org.oversight.deploy.generator.HistoryGenerator.Step;
import org.oversight.deploy.history.AggregatesInProcess;
import org.oversight.deploy.history.AggregatesInProcess.Command;
import org.oversight.deploy.history.AggregatesInProcess.Refused;
import org.oversight.events.RecordedBy;

/**
 * A generated history recorded through the service's own aggregates in this process ({@link AggregatesInProcess},
 * the same path the history import takes): each step on the day the history says it was recorded, by the chair
 * it names or the loader, so that a child's generated commands yield exactly the events the service would have
 * stored, or the refusal it would have given.
 */
public final class InProcessCommandSide implements AutoCloseable {

    /** Who the generated records are recorded by when no chair is named (an account with no password). */
    public static final String LOADER = "gen.loader";
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final AggregatesInProcess aggregates;
    private final Directory directory;

    public InProcessCommandSide(Directory directory) {
        this.directory = directory;
        this.aggregates = new AggregatesInProcess(directory);
    }

    /**
     * Records one child's history, command by command, each on its own recorded day, and returns the events in
     * the order they were stored.
     *
     * @throws RefusedHistory when an aggregate refuses a command: the generator broke a rule
     */
    public List<DomainEventMessage<?>> record(ChildHistory history) {
        List<Step> steps = history.steps();
        List<Command> commands = new ArrayList<>(steps.size());
        for (int n = 0; n < steps.size(); n++) {
            Step step = steps.get(n);
            Instant at = step.recordedOn().atTime(LocalTime.of(9, 0).plusMinutes(n % 480))
                    .atZone(ENGLAND).toInstant();
            String by = step.by() == null ? LOADER : step.by();
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(RecordedBy.USERNAME, by);
            metadata.put(RecordedBy.DISPLAY_NAME, directory.displayName(by).orElse("Data generator"));
            metadata.put(RecordedBy.RECORDED_AT, at.toString());
            // the command's identifier becomes the events' correlation id: derived, so the same seed gives the same
            String identifier = UUID.nameUUIDFromBytes((history.childId() + ":" + n)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            commands.add(new Command(at, identifier, step.command(), metadata));
        }
        try {
            return aggregates.record(commands);
        } catch (Refused refused) {
            throw new RefusedHistory(history, refused.index(), steps.get(refused.index()),
                    (RuntimeException) refused.getCause());
        }
    }

    @Override
    public void close() {
        aggregates.close();
    }

    /** A generated history that an aggregate refused: a defect in the generator, never data to load. */
    public static final class RefusedHistory extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RefusedHistory(ChildHistory history, int index, Step step, RuntimeException cause) {
            super("Child " + history.index() + ", step " + index + " (" + step.command().getClass().getSimpleName()
                    + " on " + step.on() + ", recorded " + step.recordedOn() + ") was refused: "
                    + cause.getMessage(), cause);
        }
    }
}
