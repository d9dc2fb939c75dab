/**
 * The personal content of events, encrypted under each child's own data key as events are stored and opened as
 * they are read, and destroyed with the key at the end of the record's retention.
 */
package org.oversight.deploy.platform.personal;
