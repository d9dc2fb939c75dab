package org.oversight.deploy.importing;

/**
 * Why a child's history was not imported: the row that broke a rule, the field, the rule and the reason as a data
 * officer reads it. The reason names dates and codes from the row, never the child.
 */
public record Refusal(SourceRow row, String field, String rule, String reason) {
}
