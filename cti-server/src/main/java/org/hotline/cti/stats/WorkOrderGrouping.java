package org.hotline.cti.stats;

/** What the rows of a work-order report are per. DEPARTMENT is the department the order is dispatched to now. */
public enum WorkOrderGrouping {
    TYPE("type_code"),
    STATUS("status"),
    AREA("area"),
    DEPARTMENT("department_id");

    private final String column;

    WorkOrderGrouping(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
