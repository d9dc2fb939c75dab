package org.oversight.deploy.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the event store holds after a fault, read from the database itself: every registration acknowledged is
 * there exactly once, and nothing is half-recorded (each registration stored has its claim on the identifier,
 * each claim its registration, each stream runs from 0 without a gap, and each event carries its seal).
 */
final class EventStoreAudit {

    record Figures(int sent, int acknowledged, int acknowledgedFound, int acknowledgedMissing, int storedTwice,
            int storedUnacknowledged, int halfRecorded) {

        boolean sound() {
            return acknowledgedMissing == 0 && storedTwice == 0 && halfRecorded == 0;
        }
    }

    private EventStoreAudit() {
    }

    static Figures of(Connection db, String authority, String prefix, List<RegistrationLoad.Sent> sent)
            throws SQLException {
        Map<String, Integer> registrations = new HashMap<>();
        try (var statement = db.prepareStatement("""
                SELECT e.aggregateidentifier, count(*) FROM domainevententry e
                 WHERE e.payloadtype LIKE '%.ChildRegistered' GROUP BY e.aggregateidentifier""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                registrations.put(rows.getString(1), rows.getInt(2));
            }
        }
        Map<String, String> claims = new HashMap<>();
        try (var statement = db.prepareStatement(
                "SELECT child_id, local_identifier FROM child_identifier WHERE local_authority = ? AND local_identifier LIKE ?")) {
            statement.setString(1, authority);
            statement.setString(2, prefix + "-%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claims.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        int acknowledged = 0;
        int found = 0;
        int missing = 0;
        int twice = 0;
        List<String> acknowledgedIds = new ArrayList<>();
        for (RegistrationLoad.Sent one : sent) {
            if (!one.acknowledged()) {
                continue;
            }
            acknowledged++;
            acknowledgedIds.add(one.childId());
            int stored = registrations.getOrDefault(one.childId(), 0);
            if (stored == 0) {
                missing++;
            } else {
                found++;
                if (stored > 1) {
                    twice++;
                }
            }
        }
        int unacknowledged = (int) claims.keySet().stream().filter(id -> !acknowledgedIds.contains(id)).count();
        int half = 0;
        for (String child : claims.keySet()) {
            if (!registrations.containsKey(child)) {
                half++;
            }
        }
        half += count(db, """
                SELECT count(*) FROM (SELECT aggregateidentifier FROM domainevententry GROUP BY aggregateidentifier
                 HAVING min(sequencenumber) <> 0 OR max(sequencenumber) + 1 <> count(*)) gaps""");
        half += count(db, """
                SELECT count(*) FROM domainevententry e
                 WHERE NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.event_identifier = e.eventidentifier)""");
        // a registration of this load without its claim
        for (RegistrationLoad.Sent one : sent) {
            if (one.acknowledged() && registrations.containsKey(one.childId()) && !claims.containsKey(one.childId())) {
                half++;
            }
        }
        return new Figures(sent.size(), acknowledged, found, missing, twice, unacknowledged, half);
    }

    static long count(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
