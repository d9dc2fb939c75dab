/**
 * Every child's open clocks with their due dates, kept as rows so that a caseload can be ranked by urgency and
 * the whole service's "overdue today" read in one indexed query. A child's rows are derived, never recorded:
 * each projection marks a child stale in the same transaction as the write that changed it, and the rows are
 * worked out again from the projections, the calendar and the local timescales (on read for a chair's own
 * caseload, in the background for everyone else).
 */
package org.oversight.query.clocks.due;
