package io.github.jrl.core.checkpoint;

import java.util.regex.Pattern;

/**
 * Layout of a checkpoint file, format version 1. All integers are big-endian
 * ({@link java.io.DataOutputStream}).
 *
 * <pre>
 * magic       8 bytes   0x89 'J' 'R' 'L' 'C' 'K' 'P' 'T'
 * version     int32     1
 * per section:
 *   marker    byte      1
 *   name      uint16 length + UTF-8 bytes, matching {@link #SECTION_NAME}
 *   data      int64 length + bytes
 * end marker  byte      0
 * checksum    uint32    CRC-32C (Castagnoli) of every byte before it
 * </pre>
 *
 * The file ends right after the checksum. The non-ASCII first byte (as in PNG's signature) makes
 * a text-mode transfer or a text file show as a wrong magic rather than as a damaged checkpoint.
 * Sections are written one after the other, so a writer need not know them all in advance, and
 * the end marker plus checksum make every truncation detectable.
 */
final class CheckpointFormat {

    static final byte[] MAGIC = {(byte) 0x89, 'J', 'R', 'L', 'C', 'K', 'P', 'T'};
    static final int VERSION = 1;
    static final int SECTION_MARKER = 1;
    static final int END_MARKER = 0;
    /** Section names: 1 to 128 characters of letters, digits and {@code _ . - /}. */
    static final Pattern SECTION_NAME = Pattern.compile("[A-Za-z0-9_./-]{1,128}");
    /** The largest section: the largest Java byte array. */
    static final long MAX_SECTION_BYTES = Integer.MAX_VALUE - 8;

    private CheckpointFormat() {
    }
}
