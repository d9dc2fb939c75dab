/**
 * Which fields of each event are a child's personal content, stored encrypted under that child's data key so that
 * destroying the key destroys the content while the sealed history stays whole.
 */
package org.oversight.events.privacy;
