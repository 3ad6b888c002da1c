package io.github.jrl.core.metrics;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * TFRecord framing, the container of TensorBoard event files (TensorFlow's
 * {@code tensorflow/core/lib/io/record_writer.cc}): each record is
 *
 * <pre>
 * uint64 length                      little-endian
 * uint32 masked CRC-32C of length    little-endian, over the 8 length bytes
 * byte   data[length]
 * uint32 masked CRC-32C of data      little-endian
 * </pre>
 *
 * A reader stops at a record whose CRCs do not match, so a record cut short by a crash is not
 * misread, and TensorBoard keeps reading a file while it grows.
 */
final class TfRecord {

    /** Added after rotating, so that CRCs of data containing CRCs stay well distributed (crc32c.h). */
    private static final int MASK_DELTA = 0xa282ead8;

    private TfRecord() {
    }

    /** {@code data} framed as one record. */
    static byte[] frame(byte[] data) {
        ByteBuffer record = ByteBuffer.allocate(8 + 4 + data.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        record.putLong(data.length);
        record.putInt(maskedCrc32c(record.array(), 0, 8));
        record.put(data);
        record.putInt(maskedCrc32c(data, 0, data.length));
        return record.array();
    }

    /** TensorFlow's {@code crc32c::Mask}: the CRC-32C rotated right by 15 bits plus a constant. */
    static int maskedCrc32c(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + MASK_DELTA;
    }
}
