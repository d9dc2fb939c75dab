package org.oversight.command.retention;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.util.EnumMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.oversight.command.directory.Directory;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.retention.LocalRetention;
import org.oversight.events.retention.LocalRetentionChanged;
import org.oversight.events.retention.RecordType;

/**
 * One local authority's retention schedule: the rows the law leaves to it. Until a row is changed the authority
 * keeps to {@link LocalRetention#DEFAULTS}; each change applies to every record of its type from then on.
 */
@Aggregate
public class RetentionSchedule {

    @AggregateIdentifier
    private String scheduleId;
    private final Map<RecordType, LocalRetention> rows = new EnumMap<>(LocalRetention.DEFAULTS);

    protected RetentionSchedule() {
        // for Axon: created by the first change, rebuilt from its events
    }

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangeLocalRetention command, Directory directory) {
        String authority = command.localAuthority().strip();
        if (!directory.isLocalAuthority(authority)) {
            throw new RuleViolation(RetentionScheduleRule.LOCAL_AUTHORITY_KNOWN, "localAuthority",
                    "Select a local authority this service covers");
        }
        if (command.recordType().statutory()) {
            throw new RuleViolation(RetentionScheduleRule.STATUTORY_PERIOD_NOT_LOCAL, "recordType",
                    "The law sets how long this record is kept; no local schedule can change it");
        }
        if (command.years() < LocalRetention.FEWEST_YEARS || command.years() > LocalRetention.MOST_YEARS) {
            throw new RuleViolation(RetentionScheduleRule.YEARS_WITHIN_RANGE, "years",
                    "A record is kept for between " + LocalRetention.FEWEST_YEARS + " and " + LocalRetention.MOST_YEARS
                            + " years");
        }
        LocalRetention row = new LocalRetention(command.recordType(), command.years(), command.from());
        if (row.equals(rows.get(command.recordType()))) {
            throw new RuleViolation(RetentionScheduleRule.SOMETHING_CHANGES,
                    "This is the period in force already; change the years or the day they are counted from");
        }
        apply(new LocalRetentionChanged(authority, row.recordType(), row.years(), row.from(), command.reason().strip()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(LocalRetentionChanged event) {
        scheduleId = ChangeLocalRetention.scheduleOf(event.localAuthority());
        rows.put(event.recordType(), new LocalRetention(event.recordType(), event.years(), event.from()));
    }
}
