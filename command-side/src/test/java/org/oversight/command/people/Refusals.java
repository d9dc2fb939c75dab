package org.oversight.command.people;

import static org.hamcrest.Matchers.equalTo;

import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.oversight.command.rules.RuleViolation;

/** A refusal under one named rule, with nothing recorded: a test fails if the command is refused for another reason. */
final class Refusals {

    private Refusals() {
    }

    static void refusedFor(ResultValidator<?> result, PeopleRule rule) {
        result.expectException(RuleViolation.class)
                .expectException(violates(rule))
                .expectNoEvents();
    }

    private static Matcher<RuleViolation> violates(PeopleRule rule) {
        return new FeatureMatcher<>(equalTo(rule.code()), "a refusal under rule", "rule") {
            @Override
            protected String featureValueOf(RuleViolation actual) {
                return actual.rule();
            }
        };
    }
}
