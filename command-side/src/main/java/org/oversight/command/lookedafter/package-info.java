/**
 * A looked-after child's journey, as the IRO oversees it.
 *
 * <pre>
 *  child's case (date of birth)      directory (is this person an IRO?)      clock (today)
 *            \                                 |                                /
 *             +------------ the journey's handlers, as parameters -------------+
 *                                              |
 *                                   LookedAfterJourney ("care-" + child id)
 *   period of care -- legal status / placement changes -- end (903 REC, never X1)
 *        |
 *        +-- IRO consults the child, visits, checks midway, asks for an early review
 *        +-- review held (PN code, decisions, recommendations) -+- SMART actions agreed with it
 *        |        |                                              +- completed / changed / cancelled
 *        |        +-- record distributed (once) / date or participation corrected (with a reason)
 *        +-- permanence plan recorded or changed
 * </pre>
 *
 * <p>Every rule has a name in {@link org.oversight.command.lookedafter.LookedAfterRule}, with the SSDA903
 * validation rule it follows where there is one, and a fixture test beside it. Due dates (reg 33) are not
 * computed here: the journey records facts, and projections derive the clocks from them.
 */
package org.oversight.command.lookedafter;
