package org.oversight.command.people;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.oversight.command.directory.Directory;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.people.TeamAdded;

/** The teams of one local authority: their names are unique within it. */
@Aggregate
public class LocalAuthorityTeams {

    private static final Pattern TEAM_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} '’&(),./-]{1,99}");

    @AggregateIdentifier
    private String teamsId;
    private final Set<String> names = new HashSet<>();

    protected LocalAuthorityTeams() {
        // for Axon: created by the authority's first team added here, rebuilt from its events
    }

    /** @return the sequence number of the event recorded */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AddTeam command, Directory directory, Accounts accounts) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation(PeopleRule.REASON_GIVEN, "reason", "Enter why you are adding the team");
        }
        String authority = command.localAuthority().strip();
        if (!directory.isLocalAuthority(authority)) {
            throw new RuleViolation(PeopleRule.LOCAL_AUTHORITY_KNOWN, "localAuthority",
                    "Select a local authority this service covers");
        }
        String name = command.name() == null ? "" : command.name().strip().replaceAll("\\s+", " ");
        if (!TEAM_NAME.matcher(name).matches()) {
            throw new RuleViolation(PeopleRule.TEAM_NAME_PATTERN, "name",
                    "A team's name is 2 to 100 letters, digits, spaces and simple punctuation, starting with a "
                            + "letter or digit");
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (names.contains(key) || accounts.teamsOf(authority).stream()
                .anyMatch(existing -> existing.toLowerCase(Locale.ROOT).equals(key))) {
            throw new RuleViolation(PeopleRule.TEAM_NAME_UNIQUE, "name",
                    "The local authority already has a team of this name");
        }
        apply(new TeamAdded(authority, name, command.reason().strip()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(TeamAdded event) {
        teamsId = PersonIds.teamsId(event.localAuthority());
        names.add(event.name().toLowerCase(Locale.ROOT));
    }
}
