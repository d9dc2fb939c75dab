/**
 * A looked-after child's journey, as the IRO oversees it.
 *
 * <pre>
 *  child's case (date of birth)      directory (is this person an IRO?)      clock (today)
 *            \                                 |                                /
 *             +------------ the journey's handlers, as parameters -------------+
 *                                              |
 *                                   LookedAfterJourney ("care-" + child id)
 *   period of care -- legal status / placement changes -- end (903 REC, never X1)      PeriodsOfCare
 *        |
 *        +-- permanence plan recorded or changed                                        PeriodsOfCare
 *        +-- IRO consults the child, visits, checks midway, asks for an early review    IroMonitoring
 *        +-- review held (PN code, decisions, recommendations)                          Reviews
 *                 |    +- SMART actions agreed with it                                  CarePlanActions
 *                 |       +- completed / changed / cancelled
 *                 +-- record distributed (once) / date or participation corrected (with a reason)
 * </pre>
 *
 * <p>The right-hand column names the part of the journey that keeps each rule and the state it reads: the
 * journey handles every command and hands it to that part, passing along the other parts a rule needs to see.
 *
 * <p>Every rule has a name in {@link org.oversight.command.lookedafter.LookedAfterRule}, with the SSDA903
 * validation rule it follows where there is one, and a fixture test beside it. Due dates (reg 33) are not
 * computed here: the journey records facts, and projections derive the clocks from them.
 */
package org.oversight.command.lookedafter;
