package org.oversight.command.retention;

import org.oversight.command.rules.Rule;

/** The rules that guard changing a local authority's retention schedule. */
public enum RetentionScheduleRule implements Rule {
    LOCAL_AUTHORITY_KNOWN("local-authority-known"),
    /** The law sets how long a looked-after child's case record is kept (reg 50 of SI 2010/959). */
    STATUTORY_PERIOD_NOT_LOCAL("statutory-retention-not-local"),
    /** A period is whole years, from one to a hundred. */
    YEARS_WITHIN_RANGE("retention-years-within-range"),
    /** Recording the row exactly as it stands records nothing new. */
    SOMETHING_CHANGES("settings-change-something");

    private final String code;

    RetentionScheduleRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
