package io.github.jrl.nd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.nd4j.Buffers;
import org.junit.jupiter.api.Test;

class ParameterSetTest {

    private static ParameterSet of(float... values) {
        ParameterSet set = new ParameterSet();
        set.reserve(values.length);
        set.allocate();
        Buffers.copyIn(values, 0, values.length, set.params());
        return set;
    }

    @Test
    void polyakUpdateMovesTowardTheSource() {
        ParameterSet target = of(1f, 2f, 3f);
        ParameterSet source = of(3f, 2f, -1f);
        target.polyakUpdate(source, 0.25);
        float[] values = new float[3];
        Buffers.copyOut(target.params(), values, 0, 3);
        assertArrayEquals(new float[] {1.5f, 2f, 2f}, values, 1e-6f);
        target.copyFrom(source);
        Buffers.copyOut(target.params(), values, 0, 3);
        assertArrayEquals(new float[] {3f, 2f, -1f}, values);
        assertThrows(IllegalArgumentException.class, () -> target.polyakUpdate(source, 1.5));
        assertThrows(IllegalArgumentException.class, () -> target.polyakUpdate(of(1f), 0.5));
    }

    @Test
    void writtenValuesLoadIntoASetOfTheSameSize() throws java.io.IOException {
        ParameterSet source = of(1f, -2f, 3.5f);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        source.writeTo(new java.io.DataOutputStream(bytes));
        ParameterSet target = of(0f, 0f, 0f);
        target.load(target.readValues(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())),
                "the target"));
        float[] values = new float[3];
        Buffers.copyOut(target.params(), values, 0, 3);
        assertArrayEquals(new float[] {1f, -2f, 3.5f}, values);
        assertThrows(java.io.IOException.class, () -> of(0f).readValues(
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())), "a smaller set"));
        assertThrows(IllegalArgumentException.class, () -> target.load(new float[2]));
    }
}
