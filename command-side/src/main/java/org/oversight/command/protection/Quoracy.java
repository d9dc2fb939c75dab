package org.oversight.command.protection;

/**
 * Whether a conference was quorate for one child, and the number of other agencies the child's local authority
 * asks for (to explain a refusal).
 */
public record Quoracy(boolean quorate, int otherAgenciesRequired) {
}
