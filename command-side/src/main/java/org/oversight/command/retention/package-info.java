/**
 * A local authority's retention schedule: the periods it sets for the records the law leaves to it, each change
 * a recorded decision with who, when and why. The statutory period of a looked-after child's case record is not
 * here: no authority can change it.
 */
package org.oversight.command.retention;
