/**
 * A subject access request about a child's record, as decisions recorded on that record: the request (who asked,
 * how they stand to the child, when it arrived), an extension of the time to answer, the preparation of the copy
 * (who prepared it, and for each piece of other people's information whether it was released or withheld, and
 * why) and the release of the copy (when and to whom).
 *
 * <p>The time to answer is one month from receipt, extendable by two further months (UK GDPR article 12(3)); it is
 * derived where it is shown, never stored. The events name what was withheld by a key and the kind of person whose
 * information it is, never by the information itself, so that a later copy of the same record does not carry it.
 */
package org.oversight.events.subjectaccess;
