package org.oversight.command.rules;

/** A named rule the command side enforces. Implemented by one enum per part of the domain. */
public interface Rule {

    /** The rule's stable code as API clients see it. */
    String code();
}
