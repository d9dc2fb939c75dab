package org.oversight.events.subjectaccess;

/**
 * Whose information a piece of a child's record holds, as the person preparing a copy for a subject access
 * request must judge it (Data Protection Act 2018, Schedule 2, Part 3, paragraphs 16 and 17: information
 * identifying another person is released only with their consent or where it is reasonable to release it; for a
 * social work, health or education worker acting in that role it is taken to be reasonable).
 */
public enum Whose {
    /** The child's own information. */
    CHILD("The child's own information", true),
    /** The person asking for the copy: their own information goes back to them. */
    REQUESTER("The requester's own information", true),
    /** A social worker, chair or other professional, named in their working role (paragraph 17). */
    PROFESSIONAL("A professional, named in their working role", true),
    /** Another child decided about at the same conference, or in the same escalation. */
    OTHER_CHILD("Another child", false),
    /** A named person who is neither the child nor a professional: another parent, a carer, a relative. */
    NAMED_PERSON("A named person, such as another parent or a carer", false),
    /** Words written by a professional, which may name or describe other people: someone must read them. */
    WRITTEN_WORDS("Words written about the child that may name or describe other people", false);

    private final String title;
    private final boolean releasedUnlessWithheld;

    Whose(String title, boolean releasedUnlessWithheld) {
        this.title = title;
        this.releasedUnlessWithheld = releasedUnlessWithheld;
    }

    public String title() {
        return title;
    }

    /**
     * Whether a copy releases this kind of information when nobody has decided otherwise. Another person's
     * information is withheld until the person preparing the copy releases it, except a professional's, which
     * the Act presumes it reasonable to release (and which may still be withheld).
     */
    public boolean releasedUnlessWithheld() {
        return releasedUnlessWithheld;
    }
}
