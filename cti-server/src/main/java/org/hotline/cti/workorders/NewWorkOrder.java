package org.hotline.cti.workorders;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What an agent enters to create a work order. The customer and the source call are plain ids
 * (the customer directory and the call records are other features); any of them may be null.
 */
public record NewWorkOrder(String typeCode, Priority priority, String title, String description, String customerId,
                           String sourceCallId, String callerNumber, String area, String address,
                           Map<String, String> fields) {
    public NewWorkOrder {
        requireNonNull(typeCode, "typeCode");
        requireNonNull(priority, "priority");
        requireNonNull(title, "title");
        description = description == null ? "" : description;
        fields = Map.copyOf(requireNonNull(fields, "fields"));
    }
}
