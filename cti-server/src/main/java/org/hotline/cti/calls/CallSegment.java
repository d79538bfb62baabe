package org.hotline.cti.calls;

import java.time.Instant;

/** One leg of a call, written when it ends. {@code outcome} is free text like "answered", "no_answer", "transferred". */
public record CallSegment(String recordId, String siteId, String callId, int sequence, SegmentKind kind,
                          String agentId, String device, String queueId, Instant startedAt, Instant endedAt,
                          String outcome) {}
