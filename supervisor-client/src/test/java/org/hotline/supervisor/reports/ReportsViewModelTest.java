package org.hotline.supervisor.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import io.grpc.Status;
import org.hotline.agent.Messages;
import org.hotline.api.v1.CallReportRequest;
import org.hotline.api.v1.ReportGranularity;
import org.hotline.api.v1.ReportGrouping;
import org.hotline.api.v1.WorkOrderReportGrouping;
import org.hotline.api.v1.WorkOrderReportRequest;
import org.hotline.api.v1.WorkOrderReportResponse;
import org.hotline.api.v1.WorkOrderReportRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsViewModelTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final FakeReports server = new FakeReports();
    final Messages texts = Messages.of("org.hotline.supervisor.messages", Locale.ENGLISH);
    final ReportsViewModel vm = new ReportsViewModel(server, texts, Messages.forLocale(Locale.ENGLISH),
            Clock.fixed(Instant.parse("2027-03-01T02:00:00Z"), SHANGHAI), Runnable::run, Runnable::run);

    @Test
    void runsTheChosenCallReportOverWholeDaysAndShowsItsRows() {
        server.calls = CompletableFuture.completedFuture(FakeReports.callRows(3));
        vm.groupProperty().set(ReportGroup.TEAM);
        vm.fromProperty().set(LocalDate.of(2027, 3, 1));
        vm.toProperty().set(LocalDate.of(2027, 3, 2));
        vm.run();

        CallReportRequest asked = (CallReportRequest) server.requests.get(0);
        assertThat(asked.getGrouping()).isEqualTo(ReportGrouping.REPORT_GROUPING_TEAM);
        assertThat(asked.getGranularity()).isEqualTo(ReportGranularity.REPORT_GRANULARITY_MINUTES_60);
        assertThat(Instant.ofEpochSecond(asked.getFrom().getSeconds())).isEqualTo(Instant.parse("2027-02-28T16:00:00Z"));
        assertThat(Instant.ofEpochSecond(asked.getTo().getSeconds())).isEqualTo(Instant.parse("2027-03-02T16:00:00Z"));
        assertThat(vm.rows()).hasSize(6);
        assertThat(vm.rows().get(0).bucket()).isEqualTo("2027-03-01 08:00");
        assertThat(vm.rows().get(1).key()).isEqualTo("燃氣搶修");
        assertThat(vm.rows().get(0).value(0)).isEqualTo(47);
        assertThat(vm.measures()).extracting(ReportTable.Column::label).startsWith("Offered", "Answered", "Abandoned");
        assertThat(vm.tableProperty().get().title()).isEqualTo("Call report – per Team – Hour");
        assertThat(vm.statusProperty().get()).isEqualTo("6 rows");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void handsOutTheSameListsEveryTimeSoTheViewsListenersStay() {
        assertThat(vm.measures()).isSameAs(vm.measures());
        assertThat(vm.rows()).isSameAs(vm.rows());
        assertThat(vm.groups()).isSameAs(vm.groups());
        assertThat(vm.granularities()).isSameAs(vm.granularities());
    }

    @Test
    void aRefusedReportShowsTheServersReasonAsText() {
        server.calls = CompletableFuture.failedFuture(Status.INVALID_ARGUMENT
                .withDescription("range: 40 days for MINUTES_15 (expected: at most 31)").asRuntimeException());
        vm.run();
        assertThat(vm.errorProperty().get()).contains("range: 40 days for MINUTES_15 (expected: at most 31)");
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void aBackwardRangeIsNotSentToTheServer() {
        vm.fromProperty().set(LocalDate.of(2027, 3, 2));
        vm.toProperty().set(LocalDate.of(2027, 3, 1));
        vm.run();
        assertThat(server.requests).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("The last day must be on or after the first day.");
    }

    @Test
    void choosingWorkOrdersOffersItsGroupingsAndCalendarBucketsOnly() {
        vm.kindProperty().set(ReportKind.WORK_ORDERS);
        assertThat(vm.groups()).containsExactly(ReportGroup.TYPE, ReportGroup.STATUS, ReportGroup.AREA, ReportGroup.DEPARTMENT);
        assertThat(vm.groupProperty().get()).isEqualTo(ReportGroup.TYPE);
        assertThat(vm.granularities()).doesNotContain(ReportGranularity.REPORT_GRANULARITY_MINUTES_60);
        assertThat(vm.granularityProperty().get()).isEqualTo(ReportGranularity.REPORT_GRANULARITY_DAY);

        vm.groupProperty().set(ReportGroup.DEPARTMENT);
        vm.granularityProperty().set(ReportGranularity.REPORT_GRANULARITY_MONTH);
        server.workOrders = CompletableFuture.completedFuture(WorkOrderReportResponse.newBuilder().setTimeZone("Asia/Shanghai")
                .addRows(WorkOrderReportRow.newBuilder().setKey("gas").setCreated(12).setOpen(3).setResolved(9)
                        .setSatisfied(4).setDissatisfied(1).setSatisfactionPercent(80))
                .addRows(WorkOrderReportRow.newBuilder().setKey("").setCreated(2).setOpen(2)).build());
        vm.run();
        WorkOrderReportRequest asked = (WorkOrderReportRequest) server.requests.get(0);
        assertThat(asked.getGrouping()).isEqualTo(WorkOrderReportGrouping.WORK_ORDER_REPORT_GROUPING_DEPARTMENT);
        // Month buckets: from the first of the month to the first of the next.
        assertThat(Instant.ofEpochSecond(asked.getFrom().getSeconds())).isEqualTo(Instant.parse("2027-02-28T16:00:00Z"));
        assertThat(Instant.ofEpochSecond(asked.getTo().getSeconds())).isEqualTo(Instant.parse("2027-03-31T16:00:00Z"));
        assertThat(vm.rows()).extracting(ReportTable.Row::key).containsExactly("gas", "(none)");
        assertThat(vm.measures()).extracting(ReportTable.Column::label).contains("Created", "Overdue", "Satisfaction %");

        vm.kindProperty().set(ReportKind.AGENT_STATES);
        assertThat(vm.groupProperty().get()).isEqualTo(ReportGroup.AGENT);
        assertThat(vm.granularityProperty().get()).isEqualTo(ReportGranularity.REPORT_GRANULARITY_MONTH);
    }

    @Test
    void anExportFailureIsShownAndTheExportCanRunAgain(@TempDir Path dir) throws Exception {
        server.calls = CompletableFuture.completedFuture(FakeReports.callRows(2));
        vm.run();
        Path missing = dir.resolve("no-such-folder").resolve("r.csv");
        CompletableFuture<Path> failed = vm.export(ExportFormat.CSV, missing);
        assertThat(failed).isCompletedExceptionally();
        assertThat(vm.errorProperty().get()).startsWith("The export failed:");
        assertThat(vm.exportingProperty().get()).isFalse();

        Path ok = vm.export(ExportFormat.CSV, dir.resolve("r.csv")).join();
        assertThat(Files.readString(ok)).contains("燃氣搶修");
        assertThat(vm.statusProperty().get()).isEqualTo("Exported to " + ok);
        assertThat(vm.exportProgressProperty().get()).isEqualTo(1.0);
    }
}
