package org.hotline.cti.workorders;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline.cti.core.CommandException;
import org.hotline.cti.security.AuditEntry;
import org.hotline.cti.storage.Database;
import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hotline.cti.workorders.WorkOrderStatus.CLOSED;
import static org.hotline.cti.workorders.WorkOrderStatus.DISPATCHED;
import static org.hotline.cti.workorders.WorkOrderStatus.IN_PROGRESS;
import static org.hotline.cti.workorders.WorkOrderStatus.NEW;
import static org.hotline.cti.workorders.WorkOrderStatus.RESOLVED;
import static org.hotline.cti.workorders.WorkOrderStatus.RETURNED;

class WorkOrdersTest {

    @Nested
    class OnH2 extends Contract {
        @Override
        TestDatabase.Kind kind() {
            return TestDatabase.Kind.H2;
        }
    }

    @Nested
    class OnMariaDb extends Contract {
        @Override
        TestDatabase.Kind kind() {
            return TestDatabase.Kind.MARIADB;
        }
    }

    abstract static class Contract extends WorkOrderFixture {

        @Test
        void theScreenPopShowsTheCallersOpenOrdersButNeverAConfidentialComplaintOrAClosedOrder() {
            WorkOrder open = orders.create(AGENT, repair("廚房燃氣味"));
            orders.create(AGENT, new NewWorkOrder("complaint", Priority.NORMAL, "投訴", "", "C-10001", "call-9",
                    "13800138000", "東區", "東區人民路12號3樓", Map.of("about", "東區搶修班")));
            WorkOrder other = orders.create(AGENT, repair("另一戶"));

            var pop = new OpenWorkOrdersForPop(orders).of("C-10001");

            assertThat(pop).extracting(org.hotline.cti.customers.WorkOrderSummary::number)
                    .contains(open.orderNo(), other.orderNo()).hasSize(2);
            assertThat(pop.get(0).type()).isEqualTo("repair");
            assertThat(new OpenWorkOrdersForPop(orders).of("C-nobody")).isEmpty();
        }

        @Test
        void createdOrderIsNewWithNumberDeadlinesFieldsAndHistory() {
            WorkOrder o = orders.create(AGENT, repair("廚房燃氣味"));

            assertThat(o.orderNo()).isEqualTo("WO20261123-" + String.format("%06d", o.id()));
            assertThat(o.status()).isEqualTo(NEW);
            assertThat(o.version()).isEqualTo(1);
            assertThat(o.deadlines().respondBy()).isEqualTo(START.plus(Duration.ofMinutes(60)));
            assertThat(o.deadlines().resolveBy()).isEqualTo(START.plus(Duration.ofHours(4)));
            assertThat(o.deadlines().warnAt()).isEqualTo(START.plus(Duration.ofHours(3)));
            assertThat(o.fields()).containsEntry("gas_smell", "true").containsEntry("category", "漏氣");
            assertThat(o.customerId()).isEqualTo("C-10001");
            assertThat(o.sourceCallId()).isEqualTo("call-1");
            assertThat(o.nextTimerAt()).isEqualTo(START.plus(Duration.ofMinutes(60)));
            assertThat(orders.history(AGENT, o.orderNo())).extracting(WorkOrderEvent::action, WorkOrderEvent::actorId,
                    WorkOrderEvent::toStatus).containsExactly(tuple(WorkOrderAction.CREATE, "1001", NEW));
        }

        @Test
        void walksNewDispatchedInProgressResolvedClosedWithEveryStepInHistory() {
            WorkOrder o = orders.create(AGENT, repair("無氣"));
            o = orders.dispatch(AGENT, o.orderNo(), o.version(), "gas", "gas-east", null, "請盡快上門");
            assertThat(o.status()).isEqualTo(DISPATCHED);
            assertThat(o.teamId()).isEqualTo("gas-east");
            clock.advance(Duration.ofMinutes(20));
            o = orders.accept(CREW, o.orderNo(), o.version());
            assertThat(o.status()).isEqualTo(IN_PROGRESS);
            assertThat(o.assigneeId()).isEqualTo("3001");
            assertThat(o.respondedAt()).isEqualTo(START.plus(Duration.ofMinutes(20)));
            clock.advance(Duration.ofMinutes(40));
            o = orders.resolve(CREW, o.orderNo(), o.version(), "更換減壓閥，已恢復供氣");
            assertThat(o.status()).isEqualTo(RESOLVED);
            assertThat(o.resolution()).isEqualTo("更換減壓閥，已恢復供氣");
            assertThat(o.nextTimerAt()).isNull();
            o = orders.close(AGENT, o.orderNo(), o.version(), "回訪滿意後歸檔");
            assertThat(o.status()).isEqualTo(CLOSED);
            assertThat(o.closedAt()).isEqualTo(START.plus(Duration.ofHours(1)));

            List<WorkOrderEvent> history = orders.history(AGENT, o.orderNo());
            assertThat(history).extracting(WorkOrderEvent::action, WorkOrderEvent::actorId, WorkOrderEvent::fromStatus,
                    WorkOrderEvent::toStatus).containsExactly(
                    tuple(WorkOrderAction.CREATE, "1001", null, NEW),
                    tuple(WorkOrderAction.DISPATCH, "1001", NEW, DISPATCHED),
                    tuple(WorkOrderAction.ACCEPT, "3001", DISPATCHED, IN_PROGRESS),
                    tuple(WorkOrderAction.RESOLVE, "3001", IN_PROGRESS, RESOLVED),
                    tuple(WorkOrderAction.CLOSE, "1001", RESOLVED, CLOSED));
            assertThat(history.get(1).detail()).isEqualTo("gas/gas-east");
            assertThat(history.get(1).reason()).isEqualTo("請盡快上門");
            assertThat(history.get(3).at()).isEqualTo(START.plus(Duration.ofHours(1)));
            assertThat(notificationsTo("t-lead")).extracting(Notification::kind).containsExactly(Notification.Kind.DISPATCHED);
        }

        @Test
        void illegalTransitionsAreRefusedNamingTheStatusAndWhatIsAllowed() {
            WorkOrder o = orders.create(AGENT, repair("表故障"));
            String no = o.orderNo();
            long v = o.version();

            assertThatThrownBy(() -> orders.close(AGENT, no, v, null))
                    .isInstanceOf(CommandException.class)
                    .hasMessageContaining("cannot close work order " + no + " in status NEW")
                    .hasMessageContaining("expected status: [RETURNED, RESOLVED]")
                    .extracting(e -> ((CommandException) e).code()).isEqualTo(CommandException.Code.FAILED_PRECONDITION);
            assertThatThrownBy(() -> orders.accept(CREW, no, v)).hasMessageContaining("cannot accept work order " + no
                    + " in status NEW");
            assertThatThrownBy(() -> orders.returnOrder(CREW, no, v, "不歸我們管"))
                    .hasMessageContaining("cannot return work order " + no + " in status NEW");
            assertThatThrownBy(() -> orders.reassign(AGENT, no, v, "water", null, null, "轉供水"))
                    .hasMessageContaining("cannot reassign");

            WorkOrder resolved = orders.resolve(AGENT, no, v, "電話中已解答");
            assertThatThrownBy(() -> orders.dispatch(AGENT, no, resolved.version(), "gas", null, null, null))
                    .hasMessageContaining("cannot dispatch work order " + no + " in status RESOLVED");
            WorkOrder closed = orders.close(AGENT, no, resolved.version(), null);
            assertThatThrownBy(() -> orders.resolve(AGENT, no, closed.version(), "again"))
                    .hasMessageContaining("in status CLOSED");
            assertThatThrownBy(() -> orders.urge(AGENT, no, "快點")).hasMessageContaining("cannot urge");
            assertThat(orders.get(AGENT, no).status()).isEqualTo(CLOSED);
            assertThat(orders.history(AGENT, no)).hasSize(3);
        }

        /**
         * The workflow table end to end on the database: each user action from each status either
         * moves the stored order to the table's status with one history event, or is refused as
         * FAILED_PRECONDITION naming the status, leaving the stored order and its history as they were.
         */
        @Test
        void everyUserActionFromEveryStatusIsAppliedOrRefusedAsTheWorkflowTableSays() {
            List<WorkOrderAction> userActions = List.of(WorkOrderAction.DISPATCH, WorkOrderAction.ACCEPT,
                    WorkOrderAction.REASSIGN, WorkOrderAction.RETURN, WorkOrderAction.URGE, WorkOrderAction.RESOLVE,
                    WorkOrderAction.CLOSE);
            int applied = 0;
            int refused = 0;
            for (WorkOrderStatus from : WorkOrderStatus.values()) {
                for (WorkOrderAction action : userActions) {
                    WorkOrder before = orderIn(from);
                    int events = orders.history(AGENT, before.orderNo()).size();
                    String step = action + " from " + from;
                    if (action.allowedFrom(from)) {
                        WorkOrder after = act(action, before);
                        WorkOrderStatus expected = action.apply(before.orderNo(), from);
                        assertThat(after.status()).as(step).isEqualTo(expected);
                        assertThat(orders.get(LEAD, before.orderNo()).status()).as(step + ", stored").isEqualTo(expected);
                        assertThat(orders.history(AGENT, before.orderNo())).as(step + ", history").hasSize(events + 1)
                                .last().extracting(WorkOrderEvent::action, WorkOrderEvent::fromStatus,
                                        WorkOrderEvent::toStatus).containsExactly(action, from, expected);
                        applied++;
                    } else {
                        assertThatThrownBy(() -> act(action, before)).as(step)
                                .isInstanceOfSatisfying(CommandException.class, e -> {
                                    assertThat(e.code()).isEqualTo(CommandException.Code.FAILED_PRECONDITION);
                                    assertThat(e.getMessage()).contains("work order " + before.orderNo()
                                            + " in status " + from);
                                });
                        WorkOrder stored = orders.get(LEAD, before.orderNo());
                        assertThat(stored.status()).as(step + ", stored").isEqualTo(from);
                        assertThat(stored.version()).as(step + ", version").isEqualTo(before.version());
                        assertThat(orders.history(AGENT, before.orderNo())).as(step + ", history").hasSize(events);
                        refused++;
                    }
                }
            }
            // 6 statuses x 7 actions: the table allows 16 of them.
            assertThat(applied).isEqualTo(16);
            assertThat(refused).isEqualTo(26);
        }

        /** A new repair order brought to {@code status} through the commands. */
        private WorkOrder orderIn(WorkOrderStatus status) {
            WorkOrder o = orders.create(AGENT, repair("狀態 " + status));
            return switch (status) {
                case NEW -> o;
                case DISPATCHED -> orderIn(o, DISPATCHED);
                case IN_PROGRESS -> {
                    WorkOrder d = orderIn(o, DISPATCHED);
                    yield orders.accept(CREW, d.orderNo(), d.version());
                }
                case RETURNED -> {
                    WorkOrder d = orderIn(o, DISPATCHED);
                    yield orders.returnOrder(CREW, d.orderNo(), d.version(), "非本部門");
                }
                case RESOLVED -> orders.resolve(AGENT, o.orderNo(), o.version(), "電話中已解答");
                case CLOSED -> {
                    WorkOrder r = orders.resolve(AGENT, o.orderNo(), o.version(), "電話中已解答");
                    yield orders.close(AGENT, r.orderNo(), r.version(), null);
                }
            };
        }

        private WorkOrder orderIn(WorkOrder created, WorkOrderStatus dispatched) {
            return orders.dispatch(AGENT, created.orderNo(), created.version(), "gas", "gas-east", null, null);
        }

        private WorkOrder act(WorkOrderAction action, WorkOrder o) {
            String no = o.orderNo();
            long v = o.version();
            return switch (action) {
                case DISPATCH -> orders.dispatch(AGENT, no, v, "water", null, null, "派供水部");
                case ACCEPT -> orders.accept(CREW, no, v);
                case REASSIGN -> orders.reassign(LEAD, no, v, "water", null, "4001", "轉供水部");
                case RETURN -> orders.returnOrder(CREW, no, v, "不屬本部門");
                case URGE -> orders.urge(AGENT, no, "用戶再次來電");
                case RESOLVE -> orders.resolve(CREW, no, v, "已處理");
                case CLOSE -> orders.close(AGENT, no, v, "歸檔");
                default -> throw new IllegalArgumentException("action: " + action + " (expected: a user action)");
            };
        }

        @Test
        void returnNeedsAReasonAndHandsTheOrderBackForAnotherDispatch() {
            WorkOrder o = orders.create(AGENT, repair("水錶漏水"));
            o = orders.dispatch(AGENT, o.orderNo(), o.version(), "gas", "gas-east", "3001", null);
            String no = o.orderNo();
            long v = o.version();

            assertThatThrownBy(() -> orders.returnOrder(CREW, no, v, "  "))
                    .hasMessage("reason: blank (expected: why the department returns the work order)");
            o = orders.returnOrder(CREW, no, v, "屬於供水部管轄，非燃氣問題");

            assertThat(o.status()).isEqualTo(RETURNED);
            assertThat(o.returnReason()).isEqualTo("屬於供水部管轄，非燃氣問題");
            assertThat(o.assigneeId()).isNull();
            assertThat(orders.history(AGENT, no)).last().extracting(WorkOrderEvent::action, WorkOrderEvent::actorId,
                    WorkOrderEvent::reason).containsExactly(WorkOrderAction.RETURN, "3001", "屬於供水部管轄，非燃氣問題");
            assertThat(notificationsTo("1001")).extracting(Notification::kind).containsExactly(Notification.Kind.RETURNED);

            o = orders.dispatch(AGENT, no, o.version(), "water", null, null, "改派供水部");
            assertThat(o.status()).isEqualTo(DISPATCHED);
            assertThat(o.departmentId()).isEqualTo("water");
            assertThat(notificationsTo("w-lead")).extracting(Notification::kind).containsExactly(Notification.Kind.DISPATCHED);
        }

        @Test
        void reassignsWorkInProgressAndReturnsItFromInProgressThenClosesTheReturnedOrder() {
            WorkOrder o = orders.create(AGENT, repair("漏氣"));
            o = orders.dispatch(AGENT, o.orderNo(), o.version(), "gas", "gas-east", null, null);
            o = orders.accept(CREW, o.orderNo(), o.version());

            o = orders.reassign(LEAD, o.orderNo(), o.version(), "water", null, "4001", "是水管破裂");
            assertThat(o.status()).isEqualTo(DISPATCHED);
            assertThat(o.departmentId()).isEqualTo("water");
            assertThat(o.teamId()).isNull();
            assertThat(o.assigneeId()).isEqualTo("4001");
            assertThat(notificationsTo("4001")).extracting(Notification::kind).containsExactly(Notification.Kind.REASSIGNED);

            o = orders.accept(new Actor("4001", org.hotline.cti.security.Role.AGENT), o.orderNo(), o.version());
            o = orders.returnOrder(new Actor("4001", org.hotline.cti.security.Role.AGENT), o.orderNo(), o.version(),
                    "用戶地址錯誤，無法上門");
            assertThat(o.status()).isEqualTo(RETURNED);
            o = orders.close(AGENT, o.orderNo(), o.version(), "地址無效，聯繫用戶後結單");

            assertThat(o.status()).isEqualTo(CLOSED);
            assertThat(orders.history(AGENT, o.orderNo())).extracting(WorkOrderEvent::action, WorkOrderEvent::toStatus)
                    .containsExactly(tuple(WorkOrderAction.CREATE, NEW), tuple(WorkOrderAction.DISPATCH, DISPATCHED),
                            tuple(WorkOrderAction.ACCEPT, IN_PROGRESS), tuple(WorkOrderAction.REASSIGN, DISPATCHED),
                            tuple(WorkOrderAction.ACCEPT, IN_PROGRESS), tuple(WorkOrderAction.RETURN, RETURNED),
                            tuple(WorkOrderAction.CLOSE, CLOSED));
        }

        @Test
        void dispatchToAnUnknownUnitOrAForeignTeamIsRefused() {
            WorkOrder o = orders.create(AGENT, repair("漏氣"));
            assertThatThrownBy(() -> orders.dispatch(AGENT, o.orderNo(), o.version(), "power", null, null, null))
                    .hasMessage("department: power (expected one of: [company, gas, water])");
            assertThatThrownBy(() -> orders.dispatch(AGENT, o.orderNo(), o.version(), "water", "gas-east", null, null))
                    .hasMessage("team: gas-east (expected: a team of department water)");
        }

        @Test
        void staleVersionIsRefusedAndTheFirstEditStays() {
            WorkOrder read = orders.create(AGENT, repair("漏氣"));
            orders.dispatch(AGENT, read.orderNo(), read.version(), "gas", "gas-east", null, "first");

            assertThatThrownBy(() -> orders.dispatch(LEAD, read.orderNo(), read.version(), "water", null, null, "second"))
                    .isInstanceOf(ConcurrentModificationException.class)
                    .hasMessage("work order " + read.orderNo() + " was changed by someone else: you edited version 1,"
                            + " it is now at version 2 (expected: reload the work order and apply your change again)");
            WorkOrder now = orders.get(AGENT, read.orderNo());
            assertThat(now.departmentId()).isEqualTo("gas");
            assertThat(now.version()).isEqualTo(2);
            assertThat(orders.history(AGENT, read.orderNo())).extracting(WorkOrderEvent::reason).containsExactly(null, "first");
        }

        @Test
        void ofTwoSimultaneousEditsExactlyOneWins() throws Exception {
            WorkOrder o = orders.create(AGENT, repair("漏氣"));
            o = orders.dispatch(AGENT, o.orderNo(), o.version(), "gas", "gas-east", null, null);
            String no = o.orderNo();
            long v = o.version();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                Future<?> resolve = two.submit(() -> {
                    go.await();
                    return orders.resolve(CREW, no, v, "修好了");
                });
                Future<?> ret = two.submit(() -> {
                    go.await();
                    return orders.returnOrder(LEAD, no, v, "不是我們的");
                });
                go.countDown();
                int failures = 0;
                for (Future<?> f : List.of(resolve, ret)) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ConcurrentModificationException.class);
                        failures++;
                    }
                }
                assertThat(failures).isEqualTo(1);
            } finally {
                two.shutdownNow();
            }
            WorkOrder after = orders.get(AGENT, no);
            assertThat(after.version()).isEqualTo(v + 1);
            assertThat(after.status()).isIn(RESOLVED, RETURNED);
            assertThat(orders.history(AGENT, no)).hasSize(3);
        }

        @Test
        void customFieldProblemsAreAllReportedWithTheBadValueAndWhatIsExpected() {
            Map<String, String> fields = new HashMap<>();
            fields.put("reading", "十二");
            fields.put("visit_date", "2026/11/30");
            fields.put("category", "停電");
            fields.put("gas_smell", "maybe");
            fields.put("site_address", "東");
            fields.put("colour", "red");
            NewWorkOrder bad = new NewWorkOrder("repair", Priority.NORMAL, "漏氣", "", null, null, null, "東區", null, fields);

            assertThatThrownBy(() -> orders.create(AGENT, bad))
                    .isInstanceOf(CommandException.class)
                    .extracting(e -> ((CommandException) e).code()).isEqualTo(CommandException.Code.INVALID_ARGUMENT);
            assertThatThrownBy(() -> orders.create(AGENT, bad))
                    .hasMessageStartingWith("work order form of type repair: ")
                    .hasMessageContaining("field colour is not on the form (expected one of: category, gas_smell, meter_id,"
                            + " reading, site_address, visit_date)")
                    .hasMessageContaining("field meter_id (表號) is required (expected: text)")
                    .hasMessageContaining("field reading (讀數): \"十二\" (expected: a number such as 12.5)")
                    .hasMessageContaining("field visit_date (上門日期): \"2026/11/30\" (expected: a date as yyyy-mm-dd)")
                    .hasMessageContaining("field category (類別): \"停電\" (expected: one of 漏氣, 無氣, 表故障)")
                    .hasMessageContaining("field gas_smell (有氣味): \"maybe\" (expected: yes or no)")
                    .hasMessageContaining("field site_address (現場地址): \"東\" (expected: an address of at least 4 characters)");
            assertThat(orders.search(LEAD, WorkOrderQuery.all(10))).isEmpty();
        }

        @Test
        void urgeIsLoggedAndTellsTheAssignee() {
            WorkOrder o = orders.create(AGENT, repair("漏氣"));
            o = orders.dispatch(AGENT, o.orderNo(), o.version(), "gas", "gas-east", "3001", null);

            orders.urge(AGENT, o.orderNo(), "用戶第三次來電催促");

            assertThat(orders.history(AGENT, o.orderNo())).last().extracting(WorkOrderEvent::action,
                    WorkOrderEvent::actorId, WorkOrderEvent::detail, WorkOrderEvent::reason)
                    .containsExactly(WorkOrderAction.URGE, "1001", "to 3001", "用戶第三次來電催促");
            assertThat(notificationsTo("3001")).extracting(Notification::kind)
                    .containsExactly(Notification.Kind.DISPATCHED, Notification.Kind.URGED);
            assertThat(notifier.unread("3001")).extracting(Notification::message).last().asString()
                    .contains("urged by 1001: 用戶第三次來電催促");
        }

        @Test
        void aLeadEscalatesByHandUpTheChainAndTheListsAndCountsFollowTheSlaState() {
            WorkOrder late = orders.create(AGENT, repair("漏氣"));
            late = orders.dispatch(AGENT, late.orderNo(), late.version(), "gas", "gas-east", null, null);
            clock.advance(Duration.ofMinutes(10));
            late = orders.accept(CREW, late.orderNo(), late.version());
            clock.advance(Duration.ofMinutes(140));
            WorkOrder fresh = orders.create(AGENT, repair("換表"));
            clock.advance(Duration.ofMinutes(30)); // 75 % of 4 h for the first one: it warns; the second is on time
            orders.runDueTimers();
            WorkOrderQuery warning = new WorkOrderQuery(null, null, null, null, null, null, null, null, null, java.util.Set.of(), null, null,
                    50, null, java.util.Set.of(SlaState.WARNING, SlaState.OVERDUE));
            assertThat(orders.search(AGENT, warning)).extracting(WorkOrder::orderNo).contains(late.orderNo())
                    .doesNotContain(fresh.orderNo());

            late = orders.get(AGENT, late.orderNo());
            WorkOrder up = orders.escalate(AGENT, late.orderNo(), late.version(), "居民第三次來電");
            assertThat(up.escalationLevel()).isEqualTo(1);
            assertThat(notificationsTo("t-lead")).extracting(Notification::kind).last().isEqualTo(Notification.Kind.ESCALATED);
            assertThat(orders.history(AGENT, up.orderNo())).last().extracting(WorkOrderEvent::action, WorkOrderEvent::detail,
                    WorkOrderEvent::reason).containsExactly(WorkOrderAction.ESCALATE, "level 1 to t-lead", "居民第三次來電");
            WorkOrder stale = up;
            up = orders.escalate(AGENT, up.orderNo(), up.version(), "still no crew");
            up = orders.escalate(AGENT, up.orderNo(), up.version(), "still no crew");
            assertThat(up.escalationLevel()).isEqualTo(3);
            WorkOrder top = up;
            assertThatThrownBy(() -> orders.escalate(AGENT, top.orderNo(), top.version(), "again"))
                    .isInstanceOf(CommandException.class).hasMessageContaining("the top of its chain");
            assertThatThrownBy(() -> orders.escalate(AGENT, stale.orderNo(), stale.version(), "late click"))
                    .hasMessageContaining("was changed by someone else");
            assertThatThrownBy(() -> orders.escalate(AGENT, top.orderNo(), top.version(), " "))
                    .hasMessageContaining("reason");

            assertThat(orders.counts("department_id", true, null, null)).contains(new CountedOrders("gas", 1, 1, 0));
            assertThat(orders.counts("status", false, null, null)).extracting(CountedOrders::key)
                    .containsExactlyInAnyOrder("IN_PROGRESS", "NEW");
            clock.advance(Duration.ofHours(2));
            orders.runDueTimers();
            assertThat(orders.counts("type_code", true, null, null)).filteredOn(c -> c.key().equals("repair"))
                    .singleElement().satisfies(c -> {
                        assertThat(c.total()).isGreaterThanOrEqualTo(2);
                        assertThat(c.overdue()).isGreaterThanOrEqualTo(1);
                    });
        }

        @Test
        void warnsThenGoesOverdueThenEscalatesUpTheTreeOnAFakeClock() {
            WorkOrder o = orders.create(AGENT, repair("漏氣"));
            o = orders.dispatch(AGENT, o.orderNo(), o.version(), "gas", "gas-east", null, null);
            clock.advance(Duration.ofMinutes(10));
            o = orders.accept(CREW, o.orderNo(), o.version());
            String no = o.orderNo();

            clock.advance(Duration.ofMinutes(169)); // 2:59
            assertThat(orders.runDueTimers()).isEqualTo(new WorkOrders.TimerRun(0, 0, 0, 0));
            clock.advance(Duration.ofMinutes(1)); // 3:00, 75 % of 4 h
            assertThat(orders.runDueTimers()).isEqualTo(new WorkOrders.TimerRun(1, 0, 0, 0));
            assertThat(orders.get(AGENT, no).slaState()).isEqualTo(SlaState.WARNING);
            assertThat(notificationsTo("3001")).extracting(Notification::kind).containsExactly(Notification.Kind.WARNING);

            clock.advance(Duration.ofHours(1)); // 4:00
            assertThat(orders.runDueTimers()).isEqualTo(new WorkOrders.TimerRun(0, 1, 1, 0));
            WorkOrder overdue = orders.get(AGENT, no);
            assertThat(overdue.slaState()).isEqualTo(SlaState.OVERDUE);
            assertThat(overdue.escalationLevel()).isEqualTo(1);
            assertThat(notificationsTo("t-lead")).extracting(Notification::kind).containsExactly(
                    Notification.Kind.DISPATCHED, Notification.Kind.ESCALATED);

            clock.advance(Duration.ofMinutes(29));
            assertThat(orders.runDueTimers().escalated()).isZero();
            clock.advance(Duration.ofMinutes(1));
            assertThat(orders.runDueTimers().escalated()).isOne();
            assertThat(notificationsTo("d-lead")).extracting(Notification::kind).containsExactly(Notification.Kind.ESCALATED);
            clock.advance(Duration.ofMinutes(30));
            assertThat(orders.runDueTimers().escalated()).isOne();
            assertThat(notificationsTo("boss")).hasSize(1);
            clock.advance(Duration.ofHours(5));
            assertThat(orders.runDueTimers()).isEqualTo(new WorkOrders.TimerRun(0, 0, 0, 0));

            WorkOrder top = orders.get(AGENT, no);
            assertThat(top.escalationLevel()).isEqualTo(3);
            assertThat(top.nextTimerAt()).isNull();
            assertThat(orders.history(AGENT, no)).filteredOn(e -> e.actorId().equals("system"))
                    .extracting(WorkOrderEvent::action, WorkOrderEvent::detail).containsExactly(
                            tuple(WorkOrderAction.WARN, "resolve by " + START.plus(Duration.ofHours(4))),
                            tuple(WorkOrderAction.OVERDUE, "not resolved by " + START.plus(Duration.ofHours(4))),
                            tuple(WorkOrderAction.ESCALATE, "level 1 to t-lead"),
                            tuple(WorkOrderAction.ESCALATE, "level 2 to d-lead"),
                            tuple(WorkOrderAction.ESCALATE, "level 3 to boss"));
        }

        @Test
        void noResponseByTheRespondByTimeIsOverdue() {
            WorkOrder o = orders.create(AGENT, repair("漏氣"));
            orders.dispatch(AGENT, o.orderNo(), o.version(), "gas", "gas-east", "3001", null);

            clock.advance(Duration.ofMinutes(60));
            assertThat(orders.runDueTimers().overdue()).isOne();

            assertThat(orders.history(AGENT, o.orderNo())).last().extracting(WorkOrderEvent::action)
                    .isEqualTo(WorkOrderAction.ESCALATE);
            assertThat(orders.history(AGENT, o.orderNo())).extracting(WorkOrderEvent::detail)
                    .contains("no response by " + START.plus(Duration.ofMinutes(60)));
        }

        @Test
        void complaintDeadlinesCountOnlyBusinessHoursAndSkipHolidays() {
            WorkOrder c = orders.create(LEAD, complaint());

            // Created Monday 09:00; 4 working hours -> 13:00; 16 working hours: the rest of Monday
            // (8 h), Tuesday is a holiday, so Wednesday 17:00.
            assertThat(c.deadlines().respondBy()).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
            assertThat(c.deadlines().resolveBy()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
            assertThat(c.deadlines().warnAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        }

        @Test
        void timersFallingDueWhileTheServerIsDownFireAfterRestart() throws Exception {
            WorkOrder o = orders.create(AGENT, repair("漏氣"));
            o = orders.dispatch(AGENT, o.orderNo(), o.version(), "gas", "gas-east", null, null);
            o = orders.accept(CREW, o.orderNo(), o.version());
            database.close();

            clock.advance(Duration.ofHours(4)); // down past the warning and the resolve-by time
            database = Database.open(testDatabase.config());
            WorkOrders restarted = workOrders(database);

            assertThat(restarted.runDueTimers()).isEqualTo(new WorkOrders.TimerRun(0, 1, 1, 0));
            WorkOrder after = restarted.get(AGENT, o.orderNo());
            assertThat(after.slaState()).isEqualTo(SlaState.OVERDUE);
            assertThat(after.escalationLevel()).isEqualTo(1);
            assertThat(after.nextTimerAt()).isEqualTo(START.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(30)));

            clock.advance(Duration.ofMinutes(30));
            database.close();
            database = Database.open(testDatabase.config());
            assertThat(workOrders(database).runDueTimers().escalated()).isOne();
            assertThat(notificationsTo("d-lead")).extracting(Notification::kind).containsExactly(Notification.Kind.ESCALATED);
        }

        @Test
        void resolutionCreatesAFollowUpThatFallsDueAndCanBeRecordedAndCorrected() {
            WorkOrder o = orders.create(AGENT, repair("漏氣"));
            o = orders.dispatch(AGENT, o.orderNo(), o.version(), "gas", "gas-east", "3001", null);
            o = orders.resolve(CREW, o.orderNo(), o.version(), "已關閉閥門並更換軟管");
            String no = o.orderNo();

            FollowUp pending = orders.followUp(AGENT, no).orElseThrow();
            assertThat(pending.status()).isEqualTo(FollowUp.Status.PENDING);
            assertThat(pending.dueAt()).isEqualTo(START.plus(Duration.ofHours(24)));

            clock.advance(Duration.ofHours(24));
            assertThat(orders.runDueTimers().followUpsDue()).isOne();
            assertThat(orders.runDueTimers().followUpsDue()).isZero();
            assertThat(notificationsTo("1001")).extracting(Notification::kind)
                    .containsExactly(Notification.Kind.RESOLVED, Notification.Kind.FOLLOW_UP_DUE);

            FollowUp first = orders.recordFollowUp(AGENT, no, pending.version(), Satisfaction.NO_ANSWER, "無人接聽");
            assertThat(first.status()).isEqualTo(FollowUp.Status.DONE);
            FollowUp second = orders.recordFollowUp(AGENT, no, first.version(), Satisfaction.SATISFIED, "用戶表示滿意");
            assertThat(second.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
            assertThat(second.calledBy()).isEqualTo("1001");
            assertThatThrownBy(() -> orders.recordFollowUp(AGENT, no, first.version(), Satisfaction.DISSATISFIED, "x"))
                    .isInstanceOf(ConcurrentModificationException.class).hasMessageContaining("follow-up of " + no);
            assertThat(orders.history(AGENT, no)).filteredOn(e -> e.action() == WorkOrderAction.FOLLOW_UP)
                    .extracting(WorkOrderEvent::detail).containsExactly("NO_ANSWER", "SATISFIED (was NO_ANSWER)");
        }

        @Test
        void confidentialComplaintIsDeniedToAgentsAndEveryAccessIsAudited() {
            WorkOrder c = orders.create(LEAD, complaint());

            assertThatThrownBy(() -> orders.get(AGENT, c.orderNo()))
                    .isInstanceOf(CommandException.class)
                    .hasMessage("work order " + c.orderNo() + " is confidential: role AGENT has no complaint access"
                            + " (expected: a role granted COMPLAINT_ACCESS); this attempt is audited")
                    .extracting(e -> ((CommandException) e).code()).isEqualTo(CommandException.Code.PERMISSION_DENIED);
            assertThatThrownBy(() -> orders.history(AGENT, c.orderNo())).isInstanceOf(CommandException.class);
            assertThat(orders.search(AGENT, WorkOrderQuery.all(10))).isEmpty();

            assertThat(orders.get(LEAD, c.orderNo()).title()).isEqualTo("投訴搶修人員態度");
            assertThat(orders.search(LEAD, WorkOrderQuery.all(10))).extracting(WorkOrder::orderNo).containsExactly(c.orderNo());

            assertThat(audit.forTarget(c.orderNo(), 10)).extracting(AuditEntry::actorId, AuditEntry::action,
                    AuditEntry::outcome).containsExactlyInAnyOrder(
                    tuple("1001", "work_order.view", AuditEntry.Outcome.DENIED),
                    tuple("1001", "work_order.history", AuditEntry.Outcome.DENIED),
                    tuple("2099", "work_order.view", AuditEntry.Outcome.ALLOWED),
                    tuple("2099", "work_order.list", AuditEntry.Outcome.ALLOWED));
        }

        @Test
        void searchesByEveryCriterionNewestFirst() {
            WorkOrder a = orders.create(AGENT, repair("東區漏氣"));
            clock.advance(Duration.ofMinutes(1));
            WorkOrder b = orders.create(new Actor("1002", org.hotline.cti.security.Role.AGENT),
                    new NewWorkOrder("inquiry", Priority.NORMAL, "查詢賬單", "", "C-30003", "call-9", "13700137000",
                            "西區", "西區解放路100號", Map.of()));
            b = orders.dispatch(AGENT, b.orderNo(), b.version(), "water", null, null, null);
            clock.advance(Duration.ofMinutes(1));
            WorkOrder c = orders.create(AGENT, repair("東區無氣"));
            c = orders.dispatch(AGENT, c.orderNo(), c.version(), "gas", "gas-east", null, null);

            assertThat(nos(WorkOrderQuery.all(10))).containsExactly(c.orderNo(), b.orderNo(), a.orderNo());
            assertThat(nos(new WorkOrderQuery(b.orderNo(), null, null, null, null, null, null, null, null, null, null,
                    null, 10, null))).containsExactly(b.orderNo());
            assertThat(nos(WorkOrderQuery.all(10).withArea("東區"))).containsExactly(c.orderNo(), a.orderNo());
            assertThat(nos(new WorkOrderQuery(null, null, "inquiry", null, null, null, null, null, null, null, null,
                    null, 10, null))).containsExactly(b.orderNo());
            assertThat(nos(new WorkOrderQuery(null, null, null, "C-30003", null, null, null, null, null, null, null,
                    null, 10, null))).containsExactly(b.orderNo());
            assertThat(nos(new WorkOrderQuery(null, null, null, null, "13800138000", null, null, null, null, null, null,
                    null, 10, null))).containsExactly(c.orderNo(), a.orderNo());
            assertThat(nos(new WorkOrderQuery(null, null, null, null, null, "解放路", null, null, null, null, null,
                    null, 10, null))).containsExactly(b.orderNo());
            assertThat(nos(new WorkOrderQuery(null, null, null, null, null, null, "1002", null, null, null, null,
                    null, 10, null))).containsExactly(b.orderNo());
            assertThat(nos(new WorkOrderQuery(null, null, null, null, null, null, null, "gas", null, null, null,
                    null, 10, null))).containsExactly(c.orderNo());
            assertThat(nos(new WorkOrderQuery(null, null, null, null, null, null, null, null, "gas-east", null, null,
                    null, 10, null))).containsExactly(c.orderNo());
            assertThat(nos(WorkOrderQuery.all(10).withStatuses(Set.of(NEW)))).containsExactly(a.orderNo());
            assertThat(nos(WorkOrderQuery.all(10).withStatuses(Set.of(DISPATCHED)).withArea("東區")
                    .withCreated(START, START.plus(Duration.ofMinutes(3))))).containsExactly(c.orderNo());
            assertThat(nos(WorkOrderQuery.all(10).withCreated(START, START.plus(Duration.ofMinutes(1)))))
                    .containsExactly(a.orderNo());
            assertThat(nos(new WorkOrderQuery(null, null, null, null, null, null, null, null, null, null, null, null, 2,
                    b.id()))).containsExactly(a.orderNo());
        }

        @Test
        void exportsCsvAndExcelWithChineseTextAndAuditsTheExport() throws Exception {
            WorkOrder a = orders.create(AGENT, repair("漏氣, \"急\""));
            orders.create(AGENT, repair("=HYPERLINK(\"x\")"));

            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            assertThat(orders.exportCsv(LEAD, WorkOrderQuery.all(100), 1_000, csv)).isEqualTo(2);
            String text = csv.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFForder_no,type,priority,status,sla_state,title,");
            assertThat(text.split("\r\n")).hasSize(3);
            assertThat(text).contains(a.orderNo() + ",repair,NORMAL,NEW,ON_TIME,\"漏氣, \"\"急\"\"\",C-10001,13800138000,東區,");
            assertThat(text).contains(",\"'=HYPERLINK(\"\"x\"\")\",");

            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            assertThat(orders.exportExcel(LEAD, WorkOrderQuery.all(100), 1_000, xlsx)).isEqualTo(2);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getLastRowNum()).isEqualTo(2);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("order_no");
                assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(a.orderNo());
                assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("漏氣, \"急\"");
                assertThat(sheet.getRow(2).getCell(9).getStringCellValue()).isEqualTo("東區人民路12號3樓");
            }
            assertThat(audit.forTarget("work_orders", 10)).extracting(AuditEntry::action, AuditEntry::detail)
                    .containsExactly(tuple("work_order.export", "2 rows as Excel, confidential included"),
                            tuple("work_order.export", "2 rows as CSV, confidential included"));
        }

        @Test
        void summaryCountsPerDayWeekMonthAndYearInTheSiteZone() {
            WorkOrder a = orders.create(AGENT, repair("一"));
            orders.resolve(AGENT, a.orderNo(), a.version(), "已處理");
            clock.advance(Duration.ofDays(7));
            orders.create(AGENT, repair("二"));
            // Tuesday 1 December 07:30 in Shanghai, still 30 November in UTC: it counts for December.
            clock.advance(Duration.ofHours(22).plusMinutes(30));
            orders.create(AGENT, repair("三"));
            clock.advance(Duration.ofHours(1));
            WorkOrder d = orders.create(AGENT, repair("四"));
            orders.dispatch(AGENT, d.orderNo(), d.version(), "gas", null, null, null);

            Instant from = Instant.parse("2026-01-01T00:00:00Z");
            Instant to = Instant.parse("2027-01-01T00:00:00Z");
            // The wallboard's "today": the Shanghai day of 1 December holds the two orders after midnight there.
            assertThat(orders.summary(SummaryPeriod.DAY, from, to)).extracting(SummaryRow::periodStart,
                    SummaryRow::created, SummaryRow::resolved).containsExactly(
                    tuple(java.time.LocalDate.of(2026, 11, 23), 1L, 1L),
                    tuple(java.time.LocalDate.of(2026, 11, 30), 1L, 0L),
                    tuple(java.time.LocalDate.of(2026, 12, 1), 2L, 0L));
            assertThat(orders.summary(SummaryPeriod.WEEK, from, to)).extracting(SummaryRow::periodStart,
                    SummaryRow::created, SummaryRow::resolved).containsExactly(
                    tuple(java.time.LocalDate.of(2026, 11, 23), 1L, 1L),
                    tuple(java.time.LocalDate.of(2026, 11, 30), 3L, 0L));
            assertThat(orders.summary(SummaryPeriod.MONTH, from, to)).extracting(SummaryRow::periodStart,
                    SummaryRow::created).containsExactly(
                    tuple(java.time.LocalDate.of(2026, 11, 1), 2L),
                    tuple(java.time.LocalDate.of(2026, 12, 1), 2L));
            assertThat(orders.summary(SummaryPeriod.YEAR, from, to)).extracting(SummaryRow::periodStart,
                    SummaryRow::created, SummaryRow::resolved).containsExactly(
                    tuple(java.time.LocalDate.of(2026, 1, 1), 4L, 1L));
        }

        @Test
        void attachmentsAreStoredInTheDataFolderAndReadBack() {
            WorkOrder o = orders.create(AGENT, repair("漏氣"));
            byte[] photo = "JPEG bytes of a leaking pipe".getBytes(StandardCharsets.UTF_8);

            Attachment a = orders.attach(CREW, o.orderNo(), "現場照片.jpg", "image/jpeg", photo);

            assertThat(a.sizeBytes()).isEqualTo(photo.length);
            assertThat(a.sha256()).hasSize(64);
            assertThat(orders.attachments(AGENT, o.orderNo())).containsExactly(a);
            assertThat(orders.attachmentContent(AGENT, o.orderNo(), a.id())).isEqualTo(photo);
            assertThat(dataDir.resolve("attachments").resolve(o.orderNo()).resolve(a.sha256())).exists();
            assertThat(orders.history(AGENT, o.orderNo())).last().extracting(WorkOrderEvent::action, WorkOrderEvent::detail)
                    .containsExactly(WorkOrderAction.ATTACH, "現場照片.jpg (" + photo.length + " bytes)");
            assertThatThrownBy(() -> orders.attach(CREW, o.orderNo(), "empty.txt", "text/plain", new byte[0]))
                    .hasMessage("attachment size: 0 bytes (expected: 1..10485760)");
        }

        private List<String> nos(WorkOrderQuery q) {
            return orders.search(LEAD, q).stream().map(WorkOrder::orderNo).toList();
        }
    }
}
