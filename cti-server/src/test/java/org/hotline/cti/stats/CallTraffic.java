package org.hotline.cti.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.hotline.cti.agents.AgentState;
import org.hotline.cti.agents.AgentStateChange;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.SegmentKind;

/**
 * A few days of a small call center as the outbox would receive it: per agent a working day of
 * state changes with the calls it answers (ringing, talk, some holds, some transfers to the back
 * office), plus short and long abandons, blocked calls and outbound calls, all with record ids,
 * in the order the live model hands them over (a call's segments before its record, the talk
 * before the after-call work ends).
 */
final class CallTraffic {
    static final List<String> QUEUES = List.of("general", "billing", "repair");
    static final List<String> AGENTS = List.of("a1", "a2", "a3", "a4", "a5", "a6");
    static final List<String> REASONS = List.of("break", "lunch", "training");
    static final String BACK_OFFICE = "b1";
    static final String OUTBOUND_AGENT = "b2";

    private final String site;
    private final SplittableRandom random;
    private final List<Object> records = new ArrayList<>();
    private long ids;

    private CallTraffic(String site, long seed) {
        this.site = site;
        this.random = new SplittableRandom(seed);
    }

    static List<Object> generate(String site, ZoneId zone, LocalDate firstDay, int days, long seed) {
        CallTraffic t = new CallTraffic(site, seed);
        for (String agent : AGENTS) {
            for (int d = 0; d < days; d++) {
                t.agentDay(agent, firstDay.plusDays(d), zone);
            }
        }
        for (int d = 0; d < days; d++) {
            t.unansweredAndOutbound(firstDay.plusDays(d), zone);
        }
        return t.records;
    }

    private void agentDay(String agent, LocalDate day, ZoneId zone) {
        Instant end = day.atTime(LocalTime.of(18, 0)).atZone(zone).toInstant();
        Instant t = day.atTime(LocalTime.of(8, 0)).atZone(zone).toInstant().plusMillis(random.nextLong(1_800_000));
        AgentStateTrack s = new AgentStateTrack(agent, t.minusSeconds(12 * 3600));
        t = s.move(AgentState.NOT_READY, "login", t);
        t = s.move(AgentState.READY, "", t.plusMillis(10_000 + random.nextLong(110_000)));
        while (t.isBefore(end)) {
            if (random.nextInt(100) < 12) {
                t = s.move(AgentState.NOT_READY, REASONS.get(random.nextInt(REASONS.size())), t);
                if (random.nextInt(4) == 0) {
                    // A change of reason without leaving NotReady.
                    t = s.move(AgentState.NOT_READY, REASONS.get(random.nextInt(REASONS.size())),
                            t.plusMillis(30_000 + random.nextLong(300_000)));
                }
                t = s.move(AgentState.READY, "", t.plusMillis(60_000 + random.nextLong(1_140_000)));
                continue;
            }
            Instant ringAt = t.plusMillis(5_000 + random.nextLong(400_000));
            String queue = QUEUES.get(random.nextInt(QUEUES.size()));
            String callId = "call-" + agent + "-" + (++ids);
            Instant queuedAt = ringAt.minusMillis(random.nextLong(90_000));
            Instant startedAt = queuedAt.minusMillis(random.nextLong(25_000));
            Instant answeredAt = ringAt.plusMillis(2_000 + random.nextLong(10_000));
            Instant talkEnd = answeredAt.plusMillis(20_000 + random.nextLong(580_000));
            s.move(AgentState.RESERVED, "", ringAt);
            s.move(AgentState.ON_CALL, "", answeredAt);
            List<CallSegment> segments = new ArrayList<>();
            int seq = 0;
            segments.add(segment(callId, ++seq, SegmentKind.QUEUE, "", queue, queuedAt, ringAt, "delivered"));
            segments.add(segment(callId, ++seq, SegmentKind.RING, agent, queue, ringAt, answeredAt, "answered"));
            if (random.nextInt(100) < 30) {
                Instant holdAt = answeredAt.plusMillis(random.nextLong(Math.max(1, talkEnd.toEpochMilli()
                        - answeredAt.toEpochMilli()) / 2));
                Instant retrieveAt = holdAt.plusMillis(10_000 + random.nextLong(80_000));
                s.move(AgentState.HELD, "", holdAt);
                s.move(AgentState.ON_CALL, "", retrieveAt);
                segments.add(segment(callId, ++seq, SegmentKind.HOLD, agent, queue, holdAt, retrieveAt, "retrieved"));
                if (!talkEnd.isAfter(retrieveAt)) {
                    talkEnd = retrieveAt.plusMillis(5_000);
                }
            }
            boolean transfer = random.nextInt(100) < 10;
            segments.add(segment(callId, ++seq, SegmentKind.TALK, agent, queue, answeredAt, talkEnd,
                    transfer ? "transferred" : "ended"));
            Instant callEnd = talkEnd;
            String lastAgent = agent;
            if (transfer) {
                callEnd = talkEnd.plusMillis(60_000 + random.nextLong(240_000));
                lastAgent = BACK_OFFICE;
                segments.add(segment(callId, ++seq, SegmentKind.TALK, BACK_OFFICE, queue, talkEnd, callEnd, "ended"));
            }
            s.move(AgentState.AFTER_CALL_WORK, "", talkEnd);
            records.addAll(segments);
            records.add(new CallDetailRecord(id(), site, callId, CallDetailRecord.Direction.INBOUND, "138" + ids, "95001",
                    queue, lastAgent, startedAt, answeredAt, callEnd,
                    answeredAt.toEpochMilli() - queuedAt.toEpochMilli(), "answered", null, Map.of("ivr", queue)));
            t = s.move(AgentState.READY, "", talkEnd.plusMillis(5_000 + random.nextLong(85_000)));
        }
        s.move(AgentState.LOGGED_OUT, "", t.plusMillis(random.nextLong(60_000)));
    }

    private void unansweredAndOutbound(LocalDate day, ZoneId zone) {
        Instant open = day.atTime(LocalTime.of(8, 0)).atZone(zone).toInstant();
        for (int i = 0; i < 90; i++) {
            String callId = "lost-" + (++ids);
            String queue = QUEUES.get(random.nextInt(QUEUES.size()));
            Instant startedAt = open.plusMillis(random.nextLong(10 * 3_600_000L));
            Instant queuedAt = startedAt.plusMillis(random.nextLong(20_000));
            // Four in ten hang up within seconds (short abandons), a few right at the threshold.
            long wait = switch (random.nextInt(10)) {
                case 0, 1, 2 -> random.nextLong(5_000);
                case 3 -> 4_990 + random.nextLong(20);
                default -> 5_000 + random.nextLong(175_000);
            };
            Instant gone = queuedAt.plusMillis(wait);
            records.add(segment(callId, 1, SegmentKind.QUEUE, "", queue, queuedAt, gone, "abandoned"));
            records.add(new CallDetailRecord(id(), site, callId, CallDetailRecord.Direction.INBOUND, "139" + ids, "95001",
                    queue, null, startedAt, null, gone, wait, "abandoned", null, Map.of()));
        }
        for (int i = 0; i < 10; i++) {
            Instant at = open.plusMillis(random.nextLong(10 * 3_600_000L));
            records.add(new CallDetailRecord(id(), site, "blocked-" + (++ids), CallDetailRecord.Direction.INBOUND,
                    "400" + ids, "95001", "general", null, at, null, at.plusMillis(800), 0, "blocked", null, Map.of()));
            String callId = "out-" + (++ids);
            Instant answered = at.plusMillis(8_000);
            Instant ended = answered.plusMillis(30_000 + random.nextLong(200_000));
            records.add(segment(callId, 1, SegmentKind.DIALING, OUTBOUND_AGENT, "", at, answered, "answered"));
            records.add(segment(callId, 2, SegmentKind.TALK, OUTBOUND_AGENT, "", answered, ended, "ended"));
            records.add(new CallDetailRecord(id(), site, callId, CallDetailRecord.Direction.OUTBOUND, "2001",
                    "0755" + ids, "", OUTBOUND_AGENT, at, answered, ended, 0, "answered", null, Map.of()));
        }
    }

    private CallSegment segment(String callId, int seq, SegmentKind kind, String agent, String queue, Instant from,
                                Instant to, String outcome) {
        return new CallSegment(id(), site, callId, seq, kind, agent, agent.isEmpty() ? "" : "ext-" + agent, queue, from,
                to, outcome);
    }

    private String id() {
        return site + "-r" + (++ids);
    }

    /** One agent's states: each move logs the time spent in the previous state. */
    private final class AgentStateTrack {
        private final String agent;
        private AgentState state = AgentState.LOGGED_OUT;
        private Instant since;

        AgentStateTrack(String agent, Instant since) {
            this.agent = agent;
            this.since = since;
        }

        Instant move(AgentState to, String reason, Instant at) {
            records.add(new AgentStateChange(id(), site, agent, state, to, to == AgentState.NOT_READY ? reason : "", at,
                    at.toEpochMilli() - since.toEpochMilli()));
            state = to;
            since = at;
            return at;
        }
    }
}
