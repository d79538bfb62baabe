package org.hotline.agent.tickets;

import java.time.Instant;

import org.hotline.api.v1.CreateWorkOrderRequest;
import org.hotline.api.v1.DispatchWorkOrderRequest;

import static java.util.Objects.requireNonNull;

/**
 * One work order as the agent typed it, kept on disk until the server has acknowledged both its
 * Create and its Dispatch. The request id inside {@code create} is chosen once and reused by
 * every submission, so a Create that reached the server before a drop is not duplicated.
 *
 * @param dispatch the department and team chosen; order number and version once Create was acknowledged
 * @param problem  why the last submission was refused, "" if none
 */
public record Draft(State state, CreateWorkOrderRequest create, DispatchWorkOrderRequest dispatch, Instant savedAt,
                    String problem) {
    /** EDITING: still being typed. SUBMITTED: the agent pressed Save; sent until acknowledged. */
    public enum State { EDITING, SUBMITTED }

    public Draft {
        requireNonNull(state, "state");
        requireNonNull(create, "create");
        requireNonNull(dispatch, "dispatch");
        requireNonNull(savedAt, "savedAt");
        problem = problem == null ? "" : problem;
        if (!DraftStore.validId(create.getRequestId())) {
            throw new IllegalArgumentException("request id: \"" + create.getRequestId()
                    + "\" (expected: 1-64 letters, digits or '-')");
        }
    }

    public String requestId() {
        return create.getRequestId();
    }

    /** Whether the server has acknowledged the Create (the order number is known). */
    public boolean created() {
        return !dispatch.getOrderNo().isEmpty();
    }

    Draft with(State s, Instant at, String why) {
        return new Draft(s, create, dispatch, at, why);
    }
}
