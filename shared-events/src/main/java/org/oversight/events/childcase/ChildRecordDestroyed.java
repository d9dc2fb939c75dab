package org.oversight.events.childcase;

import java.time.Instant;

/**
 * A child's record was destroyed at the end of its retention: the child's data key was destroyed in the same
 * transaction, so the personal content of every event about the child can no longer be read, while the stored
 * bytes, and so the seals over them, stay as they were. This event is what remains to say so; it carries no
 * personal data of its own.
 *
 * @param childId        the child's case (a random key, which names nobody once the record is destroyed)
 * @param localAuthority the authority whose record it was
 * @param retentionRule  the code of the retention rule the destruction was made under
 * @param destroyedBy    the username of the person who destroyed it
 * @param destroyedAt    when
 * @param eventsAffected how many stored events about the child had their personal content destroyed
 */
public record ChildRecordDestroyed(
        String childId,
        String localAuthority,
        String retentionRule,
        String destroyedBy,
        Instant destroyedAt,
        long eventsAffected) {
}
