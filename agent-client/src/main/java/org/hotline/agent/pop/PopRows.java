package org.hotline.agent.pop;

/** Rows of the pop's tables, already formatted for the agent's language and zone. */
public final class PopRows {
    private PopRows() {
    }

    /** An open work order of the customer. */
    public record WorkOrderRow(String number, String type, String status, String priority, String created, String due,
                               String title) {
    }

    /** One entry of the contact timeline; {@code phone} is dialable (empty when none). */
    public record ContactRow(String when, String kind, String agent, String phone, String workOrder, String summary) {
    }
}
