package org.hotline.cti.workorders;

import java.time.Instant;

/** A file attached to a work order (a photo of the leak, a scanned letter); stored in the data folder. */
public record Attachment(long id, long workOrderId, String fileName, String contentType, long sizeBytes,
                         String sha256, String uploadedBy, Instant uploadedAt) {}
