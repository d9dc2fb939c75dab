/**
 * When a child's journeys are snapshotted, so that a decision on a child with a long history does not replay every
 * event before it; how a snapshot is kept (encrypted under the child's key) is the event store's.
 */
package org.oversight.command.snapshots;
