package org.oversight.command.retention;

import org.oversight.command.rules.Rule;
import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormPage;
import org.oversight.command.web.Subject;
import org.oversight.command.web.Submitted;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.retention.RecordType;
import org.oversight.events.retention.RetentionTrigger;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A local authority's retention schedule, one row at a time, for its administrators: one handler for the form
 * (on the schedule page, served by the query side) and for the JSON API. The form names its reason {@code why},
 * since a {@code reason} parameter is read as the reason given for opening a record.
 */
@Access(Operation.CHANGE_SETTINGS)
@CommandApi
@Controller
public class RetentionScheduleDecisions {

    static final Subject SCHEDULE = new Subject(Identity.MUST_EXIST,
            "No retention schedule is recorded for this local authority", Identity.CREATED_ONCE,
            "The schedule was changed at the same moment by someone else");

    private final Commands commands;

    public RetentionScheduleDecisions(Commands commands) {
        this.commands = commands;
    }

    public record Change(RecordType recordType, Integer years, RetentionTrigger from,
            @BindParam("why") String reason) {
    }

    public record Recorded(String scheduleId, long sequence) {
    }

    @PostMapping(path = {"/retention/{localAuthority}/schedule",
            "/api/local-authorities/{localAuthority}/retention-schedule"},
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @FormPage("/retention/{localAuthority}/schedule")
    public Answer change(@PathVariable String localAuthority, @Submitted Change body) {
        ChangeLocalRetention command = ChangeLocalRetention.of(localAuthority, body.recordType(), body.years(),
                body.from(), body.reason());
        long sequence = commands.<Long>send(command, SCHEDULE);
        return Answer.of(new Recorded(command.scheduleId(), sequence)).then("/retention/" + localAuthority
                + "/schedule?awaiting=" + command.scheduleId() + ":" + sequence, "Retention schedule changed");
    }

    enum Identity implements Rule {
        MUST_EXIST("schedule-must-exist"),
        CREATED_ONCE("concurrent-decision");

        private final String code;

        Identity(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }
}
