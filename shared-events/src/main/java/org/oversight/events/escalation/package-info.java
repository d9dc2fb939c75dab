/**
 * The dispute resolution process as events (IRO Handbook §6.2): a chair raises a concern about one child or a
 * sibling group, informally (an "IRO alert") or formally at one of the local authority's levels; the
 * escalation moves up, possibly skipping levels; responses arrive and may be rejected; it ends resolved or
 * withdrawn. A referral to Cafcass may happen at any point and does not end the process.
 *
 * <p>Levels and concern categories are the local authority's own codes (typically team manager, service
 * manager, head of service, director of children's services), so they travel as strings, not enums. Response
 * deadlines, time to resolution and the 20-working-day formal process are derived in projections from these
 * dates, never stored.
 */
package org.oversight.events.escalation;
