package org.oversight.query.conference;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the conference as it happened, for the child's page, the read API and the clocks. */
@Component
public class ConferenceRecordQueries {

    private final JdbcClient jdbc;

    public ConferenceRecordQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One person at a conference, by role; a name only for a family member the chair named. */
    public record Attendee(String role, String agency, String familyName, boolean invited, String attendance,
            boolean reportBeforeConference, Boolean reportSharedInTime) {
    }

    public record Recommendation(String agency, String recommended, String category, String dissentReason) {

        public boolean dissents() {
            return dissentReason != null;
        }
    }

    /** Everything recorded of one conference as it happened; lists empty and fields null where nothing is. */
    public record ConferenceAsItHappened(String conferenceId, List<Attendee> attendees,
            List<Recommendation> recommendations, String chairDecision, String chairCategory, String familyViews,
            String inquorateReason, String inquorateDecision) {

        /** How much of the conference the parents and carers attended between them: ALL, PART or NONE. */
        public String parentsAttended() {
            List<String> parents = attendees.stream()
                    .filter(a -> "PARENT".equals(a.role()) || "CARER".equals(a.role()))
                    .map(Attendee::attendance).toList();
            if (!parents.isEmpty() && parents.stream().allMatch("ALL"::equals)) {
                return "ALL";
            }
            return parents.stream().anyMatch(a -> !"NONE".equals(a)) ? "PART" : "NONE";
        }
    }

    public record TransferIn(String notificationId, LocalDate receivedOn, String fromAuthority,
            LocalDate otherPlanStartedOn) {
    }

    /** The conferences of the child with anything recorded of them as they happened, by conference id. */
    public Map<String, ConferenceAsItHappened> conferences(String childId) {
        Map<String, List<Attendee>> attendees = jdbc.sql("""
                SELECT conference_id, role, agency, family_name, invited, attendance, report_before,
                       report_shared_in_time
                  FROM conference_attendee WHERE child_id = :child ORDER BY conference_id, position
                """).param("child", childId)
                .query((rs, i) -> Map.entry(rs.getString(1), new Attendee(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getBoolean(7),
                        (Boolean) rs.getObject(8))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey, java.util.LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, List<Recommendation>> recommendations = jdbc.sql("""
                SELECT conference_id, agency, recommended, category, dissent_reason
                  FROM conference_recommendation WHERE child_id = :child ORDER BY conference_id, position
                """).param("child", childId)
                .query((rs, i) -> Map.entry(rs.getString(1), new Recommendation(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey, java.util.LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, String[]> records = jdbc.sql("""
                SELECT conference_id, chair_decision, chair_category, family_views, inquorate_reason,
                       inquorate_decision
                  FROM conference_record WHERE child_id = :child
                """).param("child", childId)
                .query((rs, i) -> Map.entry(rs.getString(1), new String[] {rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)}))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        java.util.Set<String> ids = new java.util.TreeSet<>();
        ids.addAll(attendees.keySet());
        ids.addAll(recommendations.keySet());
        ids.addAll(records.keySet());
        Map<String, ConferenceAsItHappened> all = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            String[] record = records.getOrDefault(id, new String[5]);
            all.put(id, new ConferenceAsItHappened(id, attendees.getOrDefault(id, List.of()),
                    recommendations.getOrDefault(id, List.of()), record[0], record[1], record[2], record[3],
                    record[4]));
        }
        return all;
    }

    /** The transfer-in notifications received about the child, earliest first. */
    public List<TransferIn> transfersIn(String childId) {
        return transfersIn(java.util.Collections.singletonList(childId)).get(childId);
    }

    /** {@link #transfersIn(String)} of each of these children, in one query, by child id. */
    public Map<String, List<TransferIn>> transfersIn(java.util.Collection<String> childIds) {
        String[] ids = childIds.stream().distinct().toArray(String[]::new);
        Map<String, List<TransferIn>> transfers = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT notification_id, received_on, from_authority, other_plan_started_on, child_id
                  FROM conference_transfer_in WHERE child_id = ANY (:children::text[])
                 ORDER BY received_on, notification_id
                """).param("children", ids)
                .query(rs -> {
                    transfers.computeIfAbsent(rs.getString(5), id -> new java.util.ArrayList<>()).add(
                            new TransferIn(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                                    rs.getObject(4, LocalDate.class)));
                });
        for (String id : ids) {
            transfers.computeIfAbsent(id, k -> new java.util.ArrayList<>());
        }
        return transfers;
    }
}
