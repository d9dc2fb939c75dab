package org.oversight.query.returns.annexa;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.oversight.query.returns.Check;
import org.oversight.query.returns.CheckFailure;

/**
 * The checks an Annex A list runs on its rows before it is offered. Ofsted publishes no numbered validation rules
 * for Annex A, so these carry the list's own names; where a DfE rule says the same of the census or the SSDA903,
 * it is named in the message.
 */
public enum AnnexACheck implements Check {

    PLAN_ENDS_BEFORE_START(AnnexAList.LIST_7, "A7-1", "The plan's end date is before its start date (as CIN 8925)"),
    REVIEW_NOT_AFTER_PLAN_START(AnnexAList.LIST_7, "A7-2",
            "The latest review conference is on or before the plan's start date (as CIN 8841)"),
    CEASED_BEFORE_STARTED(AnnexAList.LIST_8, "A8-1",
            "The date ceased to be looked after is before the date started"),
    LEGAL_STATUS_BEFORE_STARTED(AnnexAList.LIST_8, "A8-2",
            "The current legal status starts before the child started to be looked after"),
    REVIEW_BEFORE_STARTED(AnnexAList.LIST_8, "A8-3",
            "The latest statutory review is before the child started to be looked after");

    private final AnnexAList list;
    private final String rule;
    private final String message;

    AnnexACheck(AnnexAList list, String rule, String message) {
        this.list = list;
        this.rule = rule;
        this.message = message;
    }

    @Override
    public String rule() {
        return rule;
    }

    @Override
    public String message() {
        return message;
    }

    public AnnexAList list() {
        return list;
    }

    public static List<CheckFailure> check(AnnexARow row) {
        List<CheckFailure> failures = new ArrayList<>();
        for (AnnexACheck check : values()) {
            if (check.list == row.list() && check.brokenBy(row)) {
                failures.add(new CheckFailure(row.localIdentifier(), row.childId(), check.rule, check.message));
            }
        }
        return failures;
    }

    public boolean brokenBy(AnnexARow row) {
        return switch (this) {
            case PLAN_ENDS_BEFORE_START -> before(row.date("Child Protection Plan End Date"),
                    row.date("Child Protection Plan Start Date"));
            case REVIEW_NOT_AFTER_PLAN_START -> {
                LocalDate review = row.date("Date of latest review conference");
                LocalDate start = row.date("Child Protection Plan Start Date");
                yield review != null && start != null && !review.isAfter(start);
            }
            case CEASED_BEFORE_STARTED -> before(row.date("Date Ceased to be Looked After"),
                    row.date("Date Started to be Looked After"));
            case LEGAL_STATUS_BEFORE_STARTED -> before(row.date("Start date of current legal status"),
                    row.date("Date Started to be Looked After"));
            case REVIEW_BEFORE_STARTED -> before(row.date("Date of Latest Statutory Review"),
                    row.date("Date Started to be Looked After"));
        };
    }

    private static boolean before(LocalDate day, LocalDate limit) {
        return day != null && limit != null && day.isBefore(limit);
    }
}
