/**
 * A looked-after child's journey as events: periods of care start and end (SSDA903 episodes with reason for
 * new episode {@code S}, and the episode that ends with any reason other than {@code X1}); legal status and
 * placement change inside a period; the IRO consults the child, visits and checks midway; statutory reviews are
 * held with the child's participation code, decisions, recommendations and SMART care plan actions; the
 * permanence plan is recorded; the review record is distributed.
 *
 * <p>Every event names the child and carries the dates as they happened. Due dates (first review within 20
 * working days of the start of a period, the second within 3 months, later ones within 6 months: reg 33 of the
 * Care Planning, Placement and Case Review (England) Regulations 2010) are derived in projections, never stored;
 * changes of legal status or placement inside a period never restart that clock. Mistakes are fixed by
 * correction events that name what they correct and why; the original event stays.
 */
package org.oversight.events.lookedafter;
