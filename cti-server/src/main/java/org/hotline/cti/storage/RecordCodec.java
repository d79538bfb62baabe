package org.hotline.cti.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hotline.cti.agents.AgentState;
import org.hotline.cti.agents.AgentStateChange;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.IvrVisit;
import org.hotline.cti.calls.SegmentKind;
import org.hotline.cti.switching.IvrOutcome;

/**
 * The bytes of a record in the outbox journal. Hand-written rather than Java serialization so
 * that a journal written by one build reads in the next: a format byte leads every payload, and
 * a new field means a new format number, with the old one still decoded.
 */
final class RecordCodec {
    private static final byte FORMAT_1 = 1;
    private static final byte SEGMENT = 1;
    private static final byte CALL = 2;
    private static final byte STATE = 3;
    private static final byte IVR_VISIT = 4;

    private RecordCodec() {}

    static byte[] encode(Object record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_1);
            if (record instanceof CallSegment s) {
                out.writeByte(SEGMENT);
                writeString(out, s.recordId());
                writeString(out, s.siteId());
                writeString(out, s.callId());
                out.writeInt(s.sequence());
                writeString(out, s.kind().name());
                writeString(out, s.agentId());
                writeString(out, s.device());
                writeString(out, s.queueId());
                writeInstant(out, s.startedAt());
                writeInstant(out, s.endedAt());
                writeString(out, s.outcome());
            } else if (record instanceof CallDetailRecord c) {
                out.writeByte(CALL);
                writeString(out, c.recordId());
                writeString(out, c.siteId());
                writeString(out, c.callId());
                writeString(out, c.direction().name());
                writeString(out, c.callerNumber());
                writeString(out, c.dialledNumber());
                writeString(out, c.queueId());
                writeString(out, c.agentId());
                writeInstant(out, c.startedAt());
                writeInstant(out, c.answeredAt());
                writeInstant(out, c.endedAt());
                out.writeLong(c.queueWaitMillis());
                writeString(out, c.outcome());
                writeString(out, c.recordingPath());
                out.writeInt(c.data().size());
                for (Map.Entry<String, String> e : c.data().entrySet()) {
                    writeString(out, e.getKey());
                    writeString(out, e.getValue());
                }
            } else if (record instanceof AgentStateChange a) {
                out.writeByte(STATE);
                writeString(out, a.recordId());
                writeString(out, a.siteId());
                writeString(out, a.agentId());
                writeString(out, a.from().name());
                writeString(out, a.to().name());
                writeString(out, a.reasonCode());
                writeInstant(out, a.at());
                out.writeLong(a.millisInPreviousState());
            } else if (record instanceof IvrVisit v) {
                out.writeByte(IVR_VISIT);
                writeString(out, v.recordId());
                writeString(out, v.siteId());
                writeString(out, v.callId());
                writeString(out, v.callerNumber());
                writeString(out, v.dialledNumber());
                writeInstant(out, v.startedAt());
                writeInstant(out, v.endedAt());
                writeString(out, v.menuPath());
                writeString(out, v.queueId());
                writeString(out, v.outcome().name());
            } else {
                throw new IllegalArgumentException("record: " + record.getClass().getName()
                        + " (expected: CallSegment, CallDetailRecord, AgentStateChange or IvrVisit)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Object decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte format = in.readByte();
            if (format != FORMAT_1) {
                throw new IllegalArgumentException("journal record format " + format + " (expected: " + FORMAT_1 + ")");
            }
            byte type = in.readByte();
            return switch (type) {
                case SEGMENT -> new CallSegment(readString(in), readString(in), readString(in), in.readInt(),
                        SegmentKind.valueOf(readString(in)), readString(in), readString(in), readString(in),
                        readInstant(in), readInstant(in), readString(in));
                case CALL -> readCall(in);
                case STATE -> new AgentStateChange(readString(in), readString(in), readString(in),
                        AgentState.valueOf(readString(in)), AgentState.valueOf(readString(in)), readString(in),
                        readInstant(in), in.readLong());
                case IVR_VISIT -> new IvrVisit(readString(in), readString(in), readString(in), readString(in),
                        readString(in), readInstant(in), readInstant(in), readString(in), readString(in),
                        IvrOutcome.valueOf(readString(in)));
                default -> throw new IllegalArgumentException("journal record type " + type + " (expected: 1-4)");
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("journal record cut short: " + e.getMessage(), e);
        }
    }

    private static CallDetailRecord readCall(DataInputStream in) throws IOException {
        String recordId = readString(in);
        String siteId = readString(in);
        String callId = readString(in);
        CallDetailRecord.Direction direction = CallDetailRecord.Direction.valueOf(readString(in));
        String caller = readString(in);
        String dialled = readString(in);
        String queueId = readString(in);
        String agentId = readString(in);
        Instant started = readInstant(in);
        Instant answered = readInstant(in);
        Instant ended = readInstant(in);
        long wait = in.readLong();
        String outcome = readString(in);
        String recording = readString(in);
        int entries = in.readInt();
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            data.put(readString(in), readString(in));
        }
        return new CallDetailRecord(recordId, siteId, callId, direction, caller, dialled, queueId, agentId, started,
                answered, ended, wait, outcome, recording, data);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeInstant(DataOutputStream out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }
}
