package org.hotline.cti.security;

import java.util.List;

/**
 * The audit log of sensitive actions (complaint views, exports, listen/whisper/barge, recording
 * playback ...), allowed or denied. A write that fails must fail the action: an unaudited view of
 * a confidential record is not allowed to happen.
 */
public interface AuditLog {
    void record(AuditEntry entry);

    /** The newest entries about {@code target}, newest first. */
    List<AuditEntry> forTarget(String target, int limit);
}
