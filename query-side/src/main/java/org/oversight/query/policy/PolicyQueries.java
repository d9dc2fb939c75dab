package org.oversight.query.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.policy.PolicySettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the versions of local authorities' timescales. */
@Component
public class PolicyQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Integer>> RESPONSES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public PolicyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PolicyHistory history(String localAuthority) {
        return histories(java.util.Collections.singletonList(localAuthority)).get(localAuthority);
    }

    /** {@link #history(String)} of each of these authorities, in one query, by authority. */
    public Map<String, PolicyHistory> histories(Collection<String> localAuthorities) {
        String[] authorities = localAuthorities.stream().distinct().toArray(String[]::new);
        Map<String, List<PolicyHistory.Version>> versions = new HashMap<>();
        jdbc.sql("""
                SELECT sequence, effective_from, iro_allocation_working_days, pre_birth_conference_by_week,
                       decisions_working_days, record_working_days, midway_check_percent, escalation_responses,
                       reason, changed_by, changed_by_name, recorded_at, early_review_working_days,
                       dental_check_months, pep_review_months, pre_birth_review_after_birth_working_days,
                       pre_birth_review_after_conference_months, transfer_in_conference_working_days,
                       local_authority
                  FROM policy_version WHERE local_authority = ANY (:las::text[]) ORDER BY effective_from, sequence
                """).param("las", authorities)
                .query(rs -> {
                    Timestamp at = rs.getTimestamp(12);
                    versions.computeIfAbsent(rs.getString(19), la -> new ArrayList<>()).add(
                            new PolicyHistory.Version(rs.getLong(1), rs.getObject(2, LocalDate.class),
                                    new PolicySettings(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                                            rs.getInt(7), rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getInt(16),
                                            rs.getInt(17), rs.getInt(18), responses(rs.getString(8))),
                                    rs.getString(9), rs.getString(10), rs.getString(11),
                                    at == null ? null : at.toInstant()));
                });
        Map<String, PolicyHistory> histories = new HashMap<>();
        for (String authority : authorities) {
            histories.put(authority, new PolicyHistory(authority, versions.getOrDefault(authority, new ArrayList<>())));
        }
        return histories;
    }

    private static Map<String, Integer> responses(String json) {
        try {
            return JSON.readValue(json, RESPONSES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored escalation response times could not be read", e);
        }
    }
}
