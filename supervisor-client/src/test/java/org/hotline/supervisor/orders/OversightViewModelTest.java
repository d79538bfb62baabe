package org.hotline.supervisor.orders;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import org.hotline.agent.Messages;
import org.hotline.agent.TestClock;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.OrgUnitKind;
import org.hotline.api.v1.WorkOrder;
import org.hotline.api.v1.WorkOrderCount;
import org.hotline.api.v1.WorkOrderDimension;
import org.hotline.api.v1.WorkOrderSlaState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OversightViewModelTest {
    static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    final TestClock clock = new TestClock(NOW, ZoneId.of("Asia/Shanghai"));
    final Fake gateway = new Fake();
    final OversightViewModel vm = new OversightViewModel(gateway, Messages.forLocale(Locale.ENGLISH),
            Messages.of("org.hotline.supervisor.messages", Locale.ENGLISH), clock);

    static WorkOrder order(String no, long resolveBy, int version) {
        return WorkOrder.newBuilder().setOrderNo(no).setTypeCode("repair").setTitle("漏氣").setArea("東區")
                .setDepartmentId("gas").setTeamId("gas-east").setVersion(version)
                .setResolveBy(Timestamp.newBuilder().setSeconds(resolveBy)).build();
    }

    @Test
    void listsCountsAndDueTextsAsTheLeadReadsThem() {
        vm.refresh();
        assertThat(vm.overdue()).singleElement().satisfies(r -> {
            assertThat(r.orderNo()).isEqualTo("WO-1");
            assertThat(r.due()).isEqualTo("overdue by 1:30:00");
            assertThat(r.department()).isEqualTo("燃氣搶修部 / 東區搶修班");
        });
        assertThat(vm.warning()).singleElement().extracting(OversightViewModel.OrderRow::due).isEqualTo("due in 45:00");
        assertThat(vm.counts()).extracting(OversightViewModel.CountRow::key).containsExactly("In progress", "New");
        assertThat(vm.updatedProperty().get()).isEqualTo("Updated 14:00:00");

        vm.dimensionProperty().set(WorkOrderDimension.WORK_ORDER_DIMENSION_DEPARTMENT);
        assertThat(gateway.calls).contains("counts WORK_ORDER_DIMENSION_DEPARTMENT");
        assertThat(vm.counts()).extracting(OversightViewModel.CountRow::key).containsExactly("燃氣搶修部", "(none)");
        assertThat(vm.teamsOf(gateway.units.get(0))).extracting(OrgUnit::getUnitId).containsExactly("gas-east");
    }

    @Test
    void escalateNeedsAReasonAndTheUpdatedOrderReplacesTheOldOne() {
        vm.refresh();
        vm.escalate("x");
        assertThat(vm.errorProperty().get()).isEqualTo("Select a work order first");
        vm.selectedProperty().set(vm.overdue().get(0));
        vm.escalate("  ");
        assertThat(vm.errorProperty().get()).isEqualTo("Say why the order is escalated");
        vm.escalate("third call");
        assertThat(gateway.calls).contains("escalate WO-1 v3 third call");
        assertThat(vm.noticeProperty().get()).isEqualTo("WO-1 escalated one level");
        assertThat(vm.overdue().get(0).level()).isEqualTo(1);
        assertThat(vm.selectedProperty().get().order().getVersion()).isEqualTo(4);

        gateway.failNext = Status.ABORTED.withDescription("work order WO-1 was changed by someone else").asRuntimeException();
        vm.urge("please");
        assertThat(vm.errorProperty().get()).startsWith("Urge WO-1: ").contains("was changed by someone else");

        vm.reassign(null, null, "");
        assertThat(vm.errorProperty().get()).isEqualTo("Choose the department to reassign to");
        vm.reassign(gateway.units.get(0), null, " wrong area ");
        assertThat(gateway.calls).contains("reassign WO-1 gas  wrong area");
    }

    static final class Fake implements OversightGateway {
        final List<String> calls = new ArrayList<>();
        final List<OrgUnit> units = List.of(
                OrgUnit.newBuilder().setUnitId("gas").setKind(OrgUnitKind.ORG_UNIT_DEPARTMENT).setName("燃氣搶修部").build(),
                OrgUnit.newBuilder().setUnitId("gas-east").setParentUnitId("gas").setKind(OrgUnitKind.ORG_UNIT_TEAM)
                        .setName("東區搶修班").build());
        RuntimeException failNext;

        private <T> CompletableFuture<T> answer(T value) {
            if (failNext != null) {
                RuntimeException e = failNext;
                failNext = null;
                return CompletableFuture.failedFuture(e);
            }
            return CompletableFuture.completedFuture(value);
        }

        @Override
        public CompletableFuture<List<WorkOrder>> open(WorkOrderSlaState state, int limit) {
            calls.add("open " + state);
            return answer(state == WorkOrderSlaState.WORK_ORDER_OVERDUE ? List.of(order("WO-1", NOW.getEpochSecond() - 5400, 3))
                    : List.of(order("WO-2", NOW.getEpochSecond() + 2700, 1)));
        }

        @Override
        public CompletableFuture<List<WorkOrderCount>> counts(WorkOrderDimension dimension) {
            calls.add("counts " + dimension);
            return answer(dimension == WorkOrderDimension.WORK_ORDER_DIMENSION_STATUS
                    ? List.of(WorkOrderCount.newBuilder().setKey("IN_PROGRESS").setTotal(3).build(),
                    WorkOrderCount.newBuilder().setKey("NEW").setTotal(1).build())
                    : List.of(WorkOrderCount.newBuilder().setKey("gas").setTotal(3).setOverdue(1).build(),
                    WorkOrderCount.newBuilder().setKey("").setTotal(1).build()));
        }

        @Override
        public CompletableFuture<List<OrgUnit>> orgUnits() {
            return answer(units);
        }

        @Override
        public CompletableFuture<WorkOrder> reassign(WorkOrder order, String departmentId, String teamId, String reason) {
            calls.add("reassign " + order.getOrderNo() + " " + departmentId + " " + teamId + " " + reason);
            return answer(order.toBuilder().setVersion(order.getVersion() + 1).build());
        }

        @Override
        public CompletableFuture<WorkOrder> urge(WorkOrder order, String message) {
            calls.add("urge " + order.getOrderNo() + " " + message);
            return answer(order);
        }

        @Override
        public CompletableFuture<WorkOrder> escalate(WorkOrder order, String reason) {
            calls.add("escalate " + order.getOrderNo() + " v" + order.getVersion() + " " + reason);
            return answer(order.toBuilder().setVersion(order.getVersion() + 1)
                    .setEscalationLevel(order.getEscalationLevel() + 1).build());
        }
    }
}
