/**
 * A local authority's own timescales ({@link org.oversight.events.policy.PolicySettings}), changed only by an
 * administrator and only from today onwards, so that no past clock is ever judged by a rule that was not in
 * force when it ran.
 */
package org.oversight.command.policy;
