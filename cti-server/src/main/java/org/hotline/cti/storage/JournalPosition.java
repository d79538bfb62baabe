package org.hotline.cti.storage;

/** A place in the outbox journal: a segment file and a byte offset in it. */
record JournalPosition(long segment, long offset) implements Comparable<JournalPosition> {
    @Override
    public int compareTo(JournalPosition other) {
        int bySegment = Long.compare(segment, other.segment);
        return bySegment != 0 ? bySegment : Long.compare(offset, other.offset);
    }

    boolean isBefore(JournalPosition other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return segment + ":" + offset;
    }
}
