package org.hotline.cti.api;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.hotline.api.v1.SubscribeWallboardRequest;
import org.hotline.api.v1.WallboardGrpc;
import org.hotline.api.v1.WallboardStats;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.security.Session;

/** The big screen: aggregated figures once a second (latest only: a slow screen skips seconds). */
final class WallboardService extends WallboardGrpc.WallboardImplBase {
    private final CallCenter center;
    private final StreamHub hub;

    WallboardService(CallCenter center, StreamHub hub) {
        this.center = center;
        this.hub = hub;
    }

    @Override
    public void subscribe(SubscribeWallboardRequest req, StreamObserver<WallboardStats> out) {
        Session s = AuthInterceptor.session();
        if (!s.role().canSeeWallboard()) {
            out.onError(Errors.permission("role " + s.role() + " may not open the wallboard"));
            return;
        }
        Outbound<WallboardStats> buffer = hub.wallboardOutbound(s.agentId(),
                (ServerCallStreamObserver<WallboardStats>) out);
        center.read(r -> {
            hub.attachWallboard(buffer, r);
            return null;
        });
    }
}
