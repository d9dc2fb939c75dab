package org.oversight.query.returns;

/**
 * One child's row that breaks a check an export runs on itself before it is offered.
 *
 * @param localIdentifier the child as the file names them (the authority's identifier)
 * @param childId         the child's case, for the link to their record; never written to a file
 * @param rule            the rule's number in the DfE validation rules, or the list's own check
 * @param message         what is wrong, in the words of the rule
 */
public record CheckFailure(String localIdentifier, String childId, String rule, String message) {
}
