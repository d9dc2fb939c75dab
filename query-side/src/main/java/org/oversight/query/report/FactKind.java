package org.oversight.query.report;

/** What a row of the report's facts records. */
public enum FactKind {
    LAC_PERIOD, LEGAL_STATUS, LAC_REVIEW, CONSULTATION, MIDWAY_CHECK, CARE_PLAN_ACTION, IRO_CHANGE,
    ENQUIRY, ICPC, CP_REVIEW, CP_PLAN,
    LAC_STAY, IRO_VISIT, PERMANENCE_PLAN, LAC_PAPER, CP_PAPER
}
