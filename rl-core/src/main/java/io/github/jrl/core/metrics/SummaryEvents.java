package io.github.jrl.core.metrics;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serialises the TensorBoard {@code Event} messages a scalar log needs, in the protobuf wire
 * format (<a href="https://protobuf.dev/programming-guides/encoding/">protobuf encoding</a>) of
 * TensorFlow's {@code tensorflow/core/util/event.proto} and
 * {@code tensorflow/core/framework/summary.proto}:
 *
 * <pre>
 * message Event   { double wall_time = 1; int64 step = 2;
 *                   oneof what { string file_version = 3; Summary summary = 5; ... } }
 * message Summary { repeated Value value = 1;
 *                   message Value { string tag = 1; oneof value { float simple_value = 2; ... } } }
 * </pre>
 *
 * Only these fields are written, which is all TensorBoard's scalar dashboard reads, in field
 * order and without default values, as protobuf itself serialises them. Values are narrowed to
 * {@code float}, the type of {@code simple_value}.
 */
final class SummaryEvents {

    /** The version string TensorFlow writes in the first event of every file. */
    static final String FILE_VERSION = "brain.Event:2";

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private SummaryEvents() {
    }

    /** The first event of an event file: {@code wall_time} and {@code file_version}. */
    static byte[] fileVersion(double wallTime) {
        Proto event = new Proto();
        event.fixed64(1, Double.doubleToLongBits(wallTime));
        event.bytes(3, FILE_VERSION.getBytes(StandardCharsets.UTF_8));
        return event.toByteArray();
    }

    /** An event holding one {@code simple_value} per metric, sorted by name. */
    static byte[] scalars(double wallTime, long step, Map<String, Double> metrics) {
        Proto summary = new Proto();
        for (Map.Entry<String, Double> e : new TreeMap<>(metrics).entrySet()) {
            Proto value = new Proto();
            value.bytes(1, e.getKey().getBytes(StandardCharsets.UTF_8));
            value.fixed32(2, Float.floatToIntBits(e.getValue().floatValue()));
            summary.bytes(1, value.toByteArray());
        }
        Proto event = new Proto();
        event.fixed64(1, Double.doubleToLongBits(wallTime));
        if (step != 0) {
            // proto3 leaves fields at their default out, so the bytes equal protobuf's own serialisation
            event.varint(2, step);
        }
        event.bytes(5, summary.toByteArray());
        return event.toByteArray();
    }

    /** The four wire types a TensorBoard scalar event uses. */
    private static final class Proto {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varint(int field, long value) {
            tag(field, VARINT);
            writeVarint(value);
        }

        void fixed64(int field, long bits) {
            tag(field, FIXED64);
            for (int i = 0; i < 8; i++) {
                out.write((int) (bits >>> (8 * i)));
            }
        }

        void fixed32(int field, int bits) {
            tag(field, FIXED32);
            for (int i = 0; i < 4; i++) {
                out.write(bits >>> (8 * i));
            }
        }

        void bytes(int field, byte[] value) {
            tag(field, LENGTH_DELIMITED);
            writeVarint(value.length);
            out.write(value, 0, value.length);
        }

        private void tag(int field, int wireType) {
            writeVarint((long) field << 3 | wireType);
        }

        /** Base-128, least significant group first, high bit set on all but the last byte. */
        private void writeVarint(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
