/**
 * How long a child's record is kept, and what keeps it longer. A record is of one {@link
 * org.oversight.events.retention.RecordType}; the law sets the period for a looked-after child's case record, and
 * each local authority sets it, in its own retention schedule, for the others. A legal hold (an inquiry, a claim,
 * a complaint) keeps a record whatever its period says, until the hold is lifted.
 */
package org.oversight.events.retention;
