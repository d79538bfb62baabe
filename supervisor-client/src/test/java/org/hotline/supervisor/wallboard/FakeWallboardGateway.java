package org.hotline.supervisor.wallboard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.hotline.agent.connection.KeptStream;
import org.hotline.api.v1.CallReportRequest;
import org.hotline.api.v1.CallReportResponse;
import org.hotline.api.v1.WallboardStats;
import org.hotline.api.v1.WorkOrderSummaryRequest;
import org.hotline.api.v1.WorkOrderSummaryResponse;

/** A server for the wallboard's view model: answers at once with what the test set, remembers what it was asked. */
final class FakeWallboardGateway implements WallboardGateway {
    KeptStream.Listener<WallboardStats> listener;
    int subscriptions;
    int open;
    final List<CallReportRequest> reports = new ArrayList<>();
    final List<WorkOrderSummaryRequest> summaries = new ArrayList<>();
    /** Answers per request; the default has no rows. */
    Function<CallReportRequest, CallReportResponse> reportAnswer = r -> CallReportResponse.getDefaultInstance();
    Function<WorkOrderSummaryRequest, WorkOrderSummaryResponse> summaryAnswer = r -> WorkOrderSummaryResponse.getDefaultInstance();
    /** When set, requests stay pending in here until the test completes them. */
    boolean hold;
    final List<Runnable> held = new ArrayList<>();
    /** Kept short: requests of a long soak would otherwise pile up in the test itself. */
    boolean remember = true;

    @Override
    public AutoCloseable subscribe(KeptStream.Listener<WallboardStats> l) {
        listener = l;
        subscriptions++;
        open++;
        return () -> open--;
    }

    @Override
    public CompletableFuture<CallReportResponse> callReport(CallReportRequest r) {
        if (remember) {
            reports.add(r);
        }
        return answer(() -> reportAnswer.apply(r));
    }

    @Override
    public CompletableFuture<WorkOrderSummaryResponse> workOrderSummary(WorkOrderSummaryRequest r) {
        if (remember) {
            summaries.add(r);
        }
        return answer(() -> summaryAnswer.apply(r));
    }

    private <T> CompletableFuture<T> answer(java.util.function.Supplier<T> value) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Runnable complete = () -> {
            try {
                f.complete(value.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        };
        if (hold) {
            held.add(complete);
        } else {
            complete.run();
        }
        return f;
    }

    void release() {
        List<Runnable> now = new ArrayList<>(held);
        held.clear();
        now.forEach(Runnable::run);
    }
}
