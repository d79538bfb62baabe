package org.hotline.cti.storage;

import java.util.List;

/** Where the outbox delivers journalled records: the database, in one transaction per call. */
interface RecordSink {
    /**
     * Writes all records or none. Records already present (same record id) are skipped, so a
     * batch may be written again after a crash or a failed attempt.
     */
    void write(List<Object> records) throws Exception;

    /** True when the database answers; tells a refused record from an outage. */
    boolean isAvailable();
}
