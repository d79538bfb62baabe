package org.hotline.agent.desk;

import com.google.protobuf.Timestamp;
import org.hotline.api.v1.AttachedData;
import org.hotline.api.v1.Call;
import org.hotline.api.v1.CallDirection;
import org.hotline.api.v1.Connection;
import org.hotline.api.v1.ConnectionState;

/** Calls as the server sends them, for view-model tests. */
final class Calls {
    static final String ME = "2001";

    private Calls() {
    }

    static Call call(String id, ConnectionState mine) {
        return Call.newBuilder().setCallId(id).setDirection(CallDirection.CALL_DIRECTION_INBOUND)
                .setData(AttachedData.newBuilder().setCallerNumber("13900000001").setDialledNumber("95001")
                        .setQueue("general").addIvrPath("1").setEnteredAccount("G1"))
                .addConnections(Connection.newBuilder().setDevice("tel:13900000001")
                        .setState(ConnectionState.CONNECTION_STATE_CONNECTED))
                .addConnections(Connection.newBuilder().setDevice(ME).setAgentId(ME).setState(mine))
                .setStartedAt(Timestamp.newBuilder().setSeconds(1_000))
                .build();
    }

    static Call consultation(String id, String from, ConnectionState mine) {
        return call(id, mine).toBuilder().setConsultedFromCallId(from).build();
    }
}
