package org.hotline.cti.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hibernate.SessionFactory;
import org.hotline.cti.agents.AgentStateChange;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;

import static java.util.Objects.requireNonNull;

/**
 * Reads what the outbox wrote for one site: call detail records with their segments, and the
 * agent state log. For tests, history screens and reports. Blocks on the database.
 */
public final class CallRecords {
    /** A call detail record with its segments in order. */
    public record StoredCall(CallDetailRecord record, List<CallSegment> segments) {}

    private final SessionFactory sessions;
    private final String siteId;

    public CallRecords(SessionFactory sessions, String siteId) {
        this.sessions = requireNonNull(sessions, "sessions");
        this.siteId = requireNonNull(siteId, "siteId");
    }

    /** The (latest) record of a call and its segments, or empty when the call has no record (yet). */
    public Optional<StoredCall> findCall(String callId) {
        requireNonNull(callId, "callId");
        return sessions.fromTransaction(session -> {
            Optional<CallDetailRecordEntity> row = session
                    .createSelectionQuery("from CallDetailRecordEntity c where c.siteId = :site and c.callId = :call order by c.id desc",
                            CallDetailRecordEntity.class)
                    .setParameter("site", siteId)
                    .setParameter("call", callId)
                    .setMaxResults(1)
                    .uniqueResultOptional();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> data = new LinkedHashMap<>();
            session.createNativeQuery("""
                            SELECT data_key, data_value FROM call_detail_data WHERE cdr_record_id = :record
                            ORDER BY data_key""", Object[].class)
                    .setParameter("record", row.get().recordId())
                    .getResultList()
                    .forEach(kv -> data.put((String) kv[0], (String) kv[1]));
            return Optional.of(new StoredCall(row.get().toRecord(data), segments(session, callId)));
        });
    }

    /** The segments of a call in sequence order (they may exist before the call's record). */
    public List<CallSegment> segments(String callId) {
        requireNonNull(callId, "callId");
        return sessions.fromTransaction(session -> segments(session, callId));
    }

    /** The state changes of an agent, oldest first. */
    public List<AgentStateChange> stateChanges(String agentId) {
        requireNonNull(agentId, "agentId");
        return sessions.fromTransaction(session -> session
                .createSelectionQuery("from AgentStateLogEntity l where l.siteId = :site and l.agentId = :agent order by l.id",
                        AgentStateLogEntity.class)
                .setParameter("site", siteId)
                .setParameter("agent", agentId)
                .getResultList().stream()
                .map(AgentStateLogEntity::toChange)
                .toList());
    }

    public long countCallRecords() {
        return count("CallDetailRecordEntity");
    }

    public long countSegments() {
        return count("CallSegmentEntity");
    }

    public long countStateChanges() {
        return count("AgentStateLogEntity");
    }

    private long count(String entity) {
        return sessions.fromTransaction(session -> session
                .createSelectionQuery("select count(e) from " + entity + " e where e.siteId = :site", Long.class)
                .setParameter("site", siteId)
                .getSingleResult());
    }

    private List<CallSegment> segments(org.hibernate.Session session, String callId) {
        return session
                .createSelectionQuery("from CallSegmentEntity s where s.siteId = :site and s.callId = :call order by s.sequence, s.id",
                        CallSegmentEntity.class)
                .setParameter("site", siteId)
                .setParameter("call", callId)
                .getResultList().stream()
                .map(CallSegmentEntity::toSegment)
                .toList();
    }
}
