package org.oversight.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.LiftRestriction;
import org.oversight.command.childcase.RegisterChild;
import org.oversight.events.access.Operation;

/** What a command's body is checked against: the authority it names, and every child it concerns. */
class CommandAccessTest {

    private final List<String> asked = new ArrayList<>();
    private final CommandAccess access = new CommandAccess(new AccessToChildren() {
        @Override
        public void mayActFor(Operation operation, Collection<String> childIds, String field) {
            asked.add(operation + " for " + childIds);
        }

        @Override
        public void mayActIn(Operation operation, String localAuthority, String field) {
            asked.add(operation + " in " + localAuthority);
        }
    });

    @Test
    void aRegistrationIsCheckedAgainstItsAuthorityAndNotTheIdTheServiceMadeForIt() {
        access.check(RegisterChild.of("DEMO-N", "N-1", "Sam", "Bench", LocalDate.of(2016, 4, 1), null));

        assertThat(asked).containsExactly("REGISTER_CHILD in DEMO-N");
    }

    @Test
    void aDecisionIsCheckedAgainstTheChildItConcerns() {
        access.check(new LiftRestriction("child-1", "The review is over"));

        assertThat(asked).containsExactly("RESTRICT_RECORD for [child-1]");
    }
}
