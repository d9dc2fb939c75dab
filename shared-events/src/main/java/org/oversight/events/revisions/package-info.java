/**
 * Which shape of each event a stored row is in. Plain Java: the event store's serializer adapts it.
 */
package org.oversight.events.revisions;
