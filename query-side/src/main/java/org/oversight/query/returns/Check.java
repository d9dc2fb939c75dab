package org.oversight.query.returns;

/**
 * A named check an export runs against what it writes: its number (the DfE validation rule number where the rule
 * is the DfE's) and what the rule says.
 */
public interface Check {

    String rule();

    String message();
}
