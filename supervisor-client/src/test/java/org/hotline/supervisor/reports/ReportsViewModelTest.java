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
import org.hotline.api.v1.IvrReportRequest;
import org.hotline.api.v1.IvrReportResponse;
import org.hotline.api.v1.IvrReportRow;
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
    void theIvrReportShowsEachMenuPathAndTheServersTotal() {
        vm.kindProperty().set(ReportKind.IVR);
        assertThat(vm.groups()).containsExactly(ReportGroup.MENU);
        assertThat(vm.granularities()).contains(ReportGranularity.REPORT_GRANULARITY_MINUTES_15,
                ReportGranularity.REPORT_GRANULARITY_YEAR);
        vm.granularityProperty().set(ReportGranularity.REPORT_GRANULARITY_DAY);
        vm.fromProperty().set(LocalDate.of(2027, 3, 1));
        vm.toProperty().set(LocalDate.of(2027, 3, 1));
        server.ivr = CompletableFuture.completedFuture(IvrReportResponse.newBuilder().setTimeZone("Asia/Shanghai")
                .addRows(IvrReportRow.newBuilder().setMenuPath("").setVisits(4).setNoInput(3).setHungUp(1)
                        .setIvrMillis(48_000).setAverageIvrSeconds(12).setHungUpPercent(25))
                .addRows(IvrReportRow.newBuilder().setMenuPath("3>1").setVisits(10).setRouted(6).setHungUp(4)
                        .setIvrMillis(450_000).setAverageIvrSeconds(45).setHungUpPercent(40))
                .setTotal(IvrReportRow.newBuilder().setVisits(14).setRouted(6).setNoInput(3).setHungUp(5)
                        .setIvrMillis(498_000).setAverageIvrSeconds(35.57).setHungUpPercent(35.71))
                .build());
        vm.run();

        IvrReportRequest asked = (IvrReportRequest) server.requests.get(0);
        assertThat(asked.getGranularity()).isEqualTo(ReportGranularity.REPORT_GRANULARITY_DAY);
        assertThat(Instant.ofEpochSecond(asked.getFrom().getSeconds())).isEqualTo(Instant.parse("2027-02-28T16:00:00Z"));
        assertThat(Instant.ofEpochSecond(asked.getTo().getSeconds())).isEqualTo(Instant.parse("2027-03-01T16:00:00Z"));
        assertThat(vm.rows()).extracting(ReportTable.Row::key).containsExactly("(no key)", "3 › 1");
        assertThat(vm.measures()).extracting(ReportTable.Column::label).startsWith("Visits", "To a queue by choice",
                "No key (default queue)", "Hung up in IVR");
        assertThat(vm.rows().get(1).values()).containsExactly(10.0, 6.0, 0.0, 4.0, 0.0, 0.0, 40.0, 45.0, 7.5);
        assertThat(vm.tableProperty().get().title()).isEqualTo("IVR usage – per Menu choice – Day");
        assertThat(vm.statusProperty().get()).isEqualTo("2 rows · in all 14 visits, 9 to a queue, 5 hung up in the IVR"
                + " (35.7 %), 35.6 s per visit, 8.3 min in the IVR");
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
