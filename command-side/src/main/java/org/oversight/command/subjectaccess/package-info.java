/**
 * Subject access requests about a child's record, answered by the data officers of the child's authority: the
 * request, the extension of the time to answer, the preparation of the copy and its release, each a decision on
 * the child's case. The copy itself (what it says, and whose information each part of it holds) is the query
 * side's; this side records what was decided about it.
 */
package org.oversight.command.subjectaccess;
