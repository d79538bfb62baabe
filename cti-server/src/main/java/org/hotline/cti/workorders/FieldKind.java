package org.hotline.cti.workorders;

/** The kinds of custom fields an administrator can put on a work-order type's form. */
public enum FieldKind {
    TEXT,
    NUMBER,
    /** An ISO date, e.g. 2026-11-22. */
    DATE,
    /** One of the field's choices. */
    CHOICE,
    ADDRESS,
    /** "true" or "false". */
    YES_NO
}
