package org.hotline.cti.api;

import java.util.ArrayList;
import java.util.List;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundTest {

    /** A stream whose readiness the test controls, recording what was written. */
    static final class FakeStream extends ServerCallStreamObserver<String> {
        final List<String> written = new ArrayList<>();
        Throwable error;
        boolean ready = true;
        Runnable onReady = () -> { };

        @Override public boolean isCancelled() { return false; }
        @Override public void setOnCancelHandler(Runnable r) { }
        @Override public void setOnCloseHandler(Runnable r) { }
        @Override public void setCompression(String c) { }
        @Override public boolean isReady() { return ready; }
        @Override public void setOnReadyHandler(Runnable r) { onReady = r; }
        @Override public void request(int n) { }
        @Override public void setMessageCompression(boolean e) { }
        @Override public void disableAutoInboundFlowControl() { }
        @Override public void onNext(String v) { written.add(v); }
        @Override public void onError(Throwable t) { error = t; }
        @Override public void onCompleted() { }

        void becomeReady() {
            ready = true;
            onReady.run();
        }
    }

    @Test
    void writesOnlyWhileTheTransportIsReadyAndResumesOnReady() {
        FakeStream s = new FakeStream();
        Outbound<String> out = new Outbound<>("t", s, Runnable::run, 10, 30_000, () -> { });
        out.offer("a");
        s.ready = false;
        out.offer("b");
        out.offer("c");
        assertThat(s.written).containsExactly("a");
        assertThat(out.pending()).isEqualTo(2);
        s.becomeReady();
        assertThat(s.written).containsExactly("a", "b", "c");
        assertThat(out.pending()).isZero();
    }

    @Test
    void aSlowClientGetsOnlyTheLatestStateOfEachKey() {
        FakeStream s = new FakeStream();
        s.ready = false;
        Outbound<String> out = new Outbound<>("t", s, Runnable::run, 10, 30_000, () -> { });
        for (int i = 0; i < 1_000; i++) {
            out.offerLatest("agent:1", "a1-" + i);
            out.offerLatest("agent:2", "a2-" + i);
        }
        assertThat(out.pending()).as("bounded by the number of keys, not of changes").isEqualTo(2);
        s.becomeReady();
        assertThat(s.written).containsExactly("a1-999", "a2-999");
    }

    @Test
    void aClientWhoseBufferFillsIsCutOffAndReleased() {
        FakeStream s = new FakeStream();
        s.ready = false;
        boolean[] released = {false};
        Outbound<String> out = new Outbound<>("t", s, Runnable::run, 3, 30_000, () -> released[0] = true);
        for (int i = 0; i < 5; i++) {
            out.offer("m" + i);
        }
        assertThat(out.isClosed()).isTrue();
        assertThat(released[0]).isTrue();
        assertThat(out.pending()).isZero();
        assertThat(s.error).isInstanceOf(StatusRuntimeException.class);
        assertThat(Status.fromThrowable(s.error).getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        out.offer("after");
        assertThat(s.written).isEmpty();
    }

    @Test
    void aClientThatStopsReadingIsCutOffAfterTheStallTime() throws InterruptedException {
        FakeStream s = new FakeStream();
        s.ready = false;
        Outbound<String> out = new Outbound<>("t", s, Runnable::run, 100, 1, () -> { });
        out.offerLatest("q", "x");
        Thread.sleep(5);
        out.checkStalled();
        assertThat(out.isClosed()).isTrue();
        assertThat(Status.fromThrowable(s.error).getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    }

    @Test
    void aClientIdleForLongIsNotMistakenForAStalledOne() throws InterruptedException {
        FakeStream s = new FakeStream();
        Outbound<String> out = new Outbound<>("t", s, Runnable::run, 100, 20, () -> { });
        out.offer("early");
        Thread.sleep(40); // quiet for longer than the stall time
        s.ready = false;
        out.offer("late"); // pending, not yet written
        out.checkStalled();
        assertThat(out.isClosed()).as("a fresh event on an idle stream is not a stall").isFalse();
    }

    @Test
    void aRetriedRequestIdActsOnce() {
        RequestIds ids = new RequestIds(100);
        int[] calls = {0};
        var first = ids.once("1001", "r1", () -> {
            calls[0]++;
            return java.util.concurrent.CompletableFuture.completedFuture("c1");
        });
        var again = ids.once("1001", "r1", () -> {
            calls[0]++;
            return java.util.concurrent.CompletableFuture.completedFuture("c2");
        });
        assertThat(calls[0]).isEqualTo(1);
        assertThat(again.toCompletableFuture().join()).isEqualTo(first.toCompletableFuture().join()).isEqualTo("c1");
        var otherUser = ids.once("1002", "r1", () -> java.util.concurrent.CompletableFuture.completedFuture("c3"));
        assertThat(otherUser.toCompletableFuture().join()).isEqualTo("c3");
    }
}
