package org.oversight.command.childcase;

/**
 * What destroying a child's record does outside the child's case, in the transaction that records the
 * destruction: the child's data keys are destroyed (so every event about the child reads with its personal
 * content withheld, while the stored bytes and their seals stay as they were), and whatever the platform keeps
 * about the child outside the event store and the projections is forgotten.
 */
public interface ChildRecordShredder {

    /**
     * How many of the child's stored events hold personal content in plain (stored before it was encrypted):
     * destroying the key would not destroy that, so such a record is not destroyed by this decision.
     */
    long eventsStoredInPlain(String childId);

    /**
     * Destroys the child's keys and forgets the child outside the event store.
     *
     * @return how many stored events about the child had their personal content destroyed with the keys
     */
    long shred(String childId);
}
