package org.oversight.command.protection;

import static org.hamcrest.Matchers.equalTo;

import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.oversight.command.rules.Rule;
import org.oversight.command.rules.RuleViolation;

/** Matches a refusal by the rule it names, so a test fails if the command is refused for another reason. */
final class Violations {

    private Violations() {
    }

    static Matcher<RuleViolation> violates(Rule rule) {
        return new FeatureMatcher<>(equalTo(rule.code()), "a refusal under rule", "rule") {
            @Override
            protected String featureValueOf(RuleViolation actual) {
                return actual.rule();
            }
        };
    }
}
