/**
 * Destroyed records: every projection forgets a child whose record is destroyed, and the data officer's form
 * to destroy one.
 */
package org.oversight.query.destruction;
