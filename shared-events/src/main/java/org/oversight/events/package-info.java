/**
 * The published language of Oversight: every decision a chair records becomes one of these immutable
 * events. Both sides depend on this package and on nothing else of each other.
 *
 * <p>Each event is a past-tense record carrying every fact a projection or an auditor needs; who recorded
 * it, when and under which correlation id travel as message metadata (see {@link org.oversight.events.RecordedBy}).
 */
package org.oversight.events;
