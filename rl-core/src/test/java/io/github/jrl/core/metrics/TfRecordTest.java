package io.github.jrl.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * The event-file encoding byte for byte. The expected bytes were derived by hand from the TFRecord
 * framing and the protobuf wire format, and cross-checked against protobuf's own serialisation of
 * TensorBoard's {@code Event} message and a bitwise CRC-32C.
 */
class TfRecordTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void crc32cMatchesTheCastagnoliCheckValue() {
        CRC32C crc = new CRC32C();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0xE3069283L, crc.getValue());
    }

    @Test
    void maskRotatesRightBy15BitsAndAddsTheDelta() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        // 0xE3069283 >>> 15 = 0x0001C60D, 0xE3069283 << 17 = 0x25060000; 0x2507C60D + 0xA282EAD8 = 0xC78AB0E5
        assertEquals(0xC78AB0E5, TfRecord.maskedCrc32c(check, 0, check.length));
        // the CRC of nothing is 0, so its mask is the delta itself
        assertEquals(0xA282EAD8, TfRecord.maskedCrc32c(new byte[0], 0, 0));
    }

    @Test
    void fileVersionRecordStartsLikeEveryTensorFlowEventFile() {
        // every TensorFlow event file starts with 18 00 00 00 00 00 00 00 a3 7f 4b 22: length 24, masked CRC
        assertArrayEquals(hex("1800000000000000 a37f4b22"
                        + "09 000000000000f83f" // Event.wall_time (field 1, fixed64) = 1.5
                        + "1a 0d 627261696e2e4576656e743a32" // Event.file_version (field 3), 13 bytes "brain.Event:2"
                        + "2a28646c"), // masked CRC-32C of the 24 data bytes
                TfRecord.frame(SummaryEvents.fileVersion(1.5)));
    }

    @Test
    void scalarEventIsEncodedByteForByte() {
        byte[] event = SummaryEvents.scalars(1.5, 10, Map.of("a", 1.0));
        assertArrayEquals(hex("09 000000000000f83f" // Event.wall_time (field 1, fixed64) = 1.5
                + "10 0a" // Event.step (field 2, varint) = 10
                + "2a 0a" // Event.summary (field 5, length-delimited), 10 bytes
                + "0a 08" // Summary.value (field 1), 8 bytes
                + "0a 01 61" // Summary.Value.tag (field 1) = "a"
                + "15 0000803f"), // Summary.Value.simple_value (field 2, fixed32) = 1.0f
                event);
        assertArrayEquals(hex("1700000000000000 e7cef81e" // length 23, masked CRC of the length
                        + "09000000000000f83f100a2a0a0a080a0161150000803f"
                        + "b6e8f266"), // masked CRC of the data
                TfRecord.frame(event));
    }

    @Test
    void valuesAreSortedByTagAndStepsUseMultiByteVarints() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("b", -2.0);
        metrics.put("a", 0.0);
        byte[] event = SummaryEvents.scalars(0.0, 300, metrics);
        assertArrayEquals(hex("09 0000000000000000" // wall_time 0.0
                + "10 ac02" // step 300 = 0b1_0010_1100: low 7 bits 0x2c | 0x80, then 0x02
                + "2a 14" // summary, 20 bytes
                + "0a 08 0a 01 61 15 00000000" // "a" = 0.0f
                + "0a 08 0a 01 62 15 000000c0"), // "b" = -2.0f
                event);
    }

    @Test
    void stepZeroIsLeftOutAsProtobufDoes() {
        assertArrayEquals(hex("09 000000000000f03f 2a 0a 0a 08 0a 01 78 15 0000c07f"),
                SummaryEvents.scalars(1.0, 0, Map.of("x", Double.NaN)));
    }
}
