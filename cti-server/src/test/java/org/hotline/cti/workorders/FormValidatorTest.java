package org.hotline.cti.workorders;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormValidatorTest {
    private static final WorkOrderType METER = new WorkOrderType("meter_problem", "錶計問題", false, List.of(
            FieldDefinition.of("reading", "讀數", FieldKind.NUMBER, true),
            FieldDefinition.of("visit", "上門日期", FieldKind.DATE, false),
            FieldDefinition.of("stopped", "已停轉", FieldKind.YES_NO, false),
            FieldDefinition.of("note", "備註", FieldKind.TEXT, false)));

    @Test
    void validValuesAreNormalisedAndBlankOptionalOnesDropped() {
        Map<String, String> v = FormValidator.validate(METER, Map.of("reading", " 0012.50 ", "visit", "2026-12-01",
                "stopped", "是", "note", "  "));

        assertThat(v).containsExactlyInAnyOrderEntriesOf(Map.of("reading", "12.5", "visit", "2026-12-01", "stopped", "true"));
    }

    @Test
    void aRequiredFieldThatIsBlankIsOneProblem() {
        assertThat(FormValidator.problems(METER, Map.of("reading", " ")))
                .containsExactly("field reading (讀數) is required (expected: a number such as 12.5)");
    }

    @Test
    void anEmptyFormAcceptsNothingButNothing() {
        WorkOrderType inquiry = new WorkOrderType("inquiry", "諮詢", false, List.of());
        assertThat(FormValidator.problems(inquiry, Map.of())).isEmpty();
        assertThat(FormValidator.problems(inquiry, Map.of("x", "1")))
                .containsExactly("field x is not on the form (expected no fields: the form is empty)");
    }
}
