package org.oversight.command.protection;

import java.util.List;

/**
 * One child among those a conference decides for.
 *
 * @param index        where the child's decision stands in the command, to name the field a refusal concerns
 * @param child        the child's case as it stands
 * @param quoracy      whether the attendance was quorate by the child's local authority's rule
 * @param siblingGroup the other children decided at the same conference
 */
record ChildAtConference(int index, RegisteredChild child, Quoracy quoracy, List<String> siblingGroup) {

    /** The path of one of this child's decision fields in the command, e.g. {@code decisions[1].enquiryId}. */
    String field(String name) {
        return "decisions[" + index + "]." + name;
    }

    String childId() {
        return child.childId();
    }
}
