/**
 * The child protection journey as events: a section 47 enquiry starts at a strategy discussion, an initial
 * child protection conference decides whether the child needs a plan (or is found not to be needed), review
 * conferences keep or end the plan, and a plan may also end without a conference.
 *
 * <p>Every event names the child and carries the dates as they were decided; due dates (the ICPC within 15
 * working days of the strategy discussion, reviews within 3 then 6 months) are derived from these in
 * projections, never stored. Mistakes are fixed by correction events that name what they correct and why;
 * the original event stays.
 */
package org.oversight.events.protection;
