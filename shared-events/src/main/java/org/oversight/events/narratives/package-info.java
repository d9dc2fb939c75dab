/**
 * Long narratives written by chairs, kept outside the events in the service's narrative store (encrypted under
 * the child's key) and named by an event with their digest; shared by both sides so that they agree on its shape.
 */
package org.oversight.events.narratives;
