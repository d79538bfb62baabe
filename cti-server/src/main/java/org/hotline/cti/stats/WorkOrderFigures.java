package org.hotline.cti.stats;

/**
 * The counts of one work-order report row, over the orders created in the row's bucket.
 *
 * @param created      orders created
 * @param open         of them, not resolved or closed yet
 * @param resolved     resolved or closed
 * @param closed       closed
 * @param returned     returned by a department at least once
 * @param overdue      marked overdue by their SLA now
 * @param satisfied    follow-up call: satisfied
 * @param dissatisfied follow-up call: dissatisfied
 * @param noAnswer     follow-up call: nobody answered
 */
public record WorkOrderFigures(long created, long open, long resolved, long closed, long returned, long overdue,
                               long satisfied, long dissatisfied, long noAnswer) {
    /** Satisfied among the customers who gave an answer, in percent; 0 when nobody did. */
    public double satisfactionPercent() {
        long answered = satisfied + dissatisfied;
        return answered == 0 ? 0 : satisfied * 100.0 / answered;
    }

    WorkOrderFigures plus(String status, String slaState, boolean wasReturned, String satisfaction, long orders) {
        boolean done = "RESOLVED".equals(status) || "CLOSED".equals(status);
        return new WorkOrderFigures(created + orders, open + (done ? 0 : orders), resolved + (done ? orders : 0),
                closed + ("CLOSED".equals(status) ? orders : 0), returned + (wasReturned ? orders : 0),
                overdue + ("OVERDUE".equals(slaState) ? orders : 0), satisfied + ("SATISFIED".equals(satisfaction) ? orders : 0),
                dissatisfied + ("DISSATISFIED".equals(satisfaction) ? orders : 0),
                noAnswer + ("NO_ANSWER".equals(satisfaction) ? orders : 0));
    }

    WorkOrderFigures add(WorkOrderFigures o) {
        return new WorkOrderFigures(created + o.created, open + o.open, resolved + o.resolved, closed + o.closed,
                returned + o.returned, overdue + o.overdue, satisfied + o.satisfied, dissatisfied + o.dissatisfied,
                noAnswer + o.noAnswer);
    }

    static WorkOrderFigures none() {
        return new WorkOrderFigures(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
