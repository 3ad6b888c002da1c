package io.github.jrl.algorithms.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferenceJsonlTest {

    @TempDir
    Path dir;

    @Test
    void pairsAndUnpairedExamplesRoundTrip() throws IOException {
        List<PreferencePair> pairs = List.of(new PreferencePair("[BOS]1+2[SEP]", "<3>[EOS]", "<4>[EOS]"),
                new PreferencePair("say \"hi\"\n", "hi", "h\u00e9"));
        Path file = dir.resolve("sub/pairs.jsonl");
        PreferenceJsonl.writePairs(file, pairs);
        assertEquals(pairs, PreferenceJsonl.readPairs(file));
        assertTrue(Files.readString(file).startsWith("{\"prompt\":\"[BOS]1+2[SEP]\",\"chosen\":\"<3>[EOS]\","));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        List<UnpairedExample> unpaired = List.of(new UnpairedExample("p", "good", true), new UnpairedExample("p", "bad", false));
        PreferenceJsonl.writeUnpaired(dir.resolve("kto.jsonl"), unpaired);
        assertEquals(unpaired, PreferenceJsonl.readUnpaired(dir.resolve("kto.jsonl")));
    }

    @Test
    void extraFieldsAndBlankLinesAreIgnored() throws IOException {
        Path file = dir.resolve("a.jsonl");
        Files.writeString(file, "{\"prompt\":\"p\",\"chosen\":\"c\",\"rejected\":\"r\",\"score\":3}\n\n");
        assertEquals(List.of(new PreferencePair("p", "c", "r")), PreferenceJsonl.readPairs(file));
    }

    @Test
    void badLinesNameTheLineAndTheField() throws IOException {
        assertEquals("line 2: field 'rejected' must be a non-empty string, got nothing",
                error("{\"prompt\":\"p\",\"chosen\":\"c\",\"rejected\":\"r\"}\n{\"prompt\":\"p\",\"chosen\":\"c\"}\n"));
        assertEquals("line 1: field 'chosen' must be a non-empty string, got an empty string",
                error("{\"prompt\":\"p\",\"chosen\":\"\",\"rejected\":\"r\"}\n"));
        assertEquals("line 1: field 'prompt' must be a non-empty string, got number",
                error("{\"prompt\":3,\"chosen\":\"c\",\"rejected\":\"r\"}\n"));
        assertEquals("line 1: expected a JSON object, got [1,2]", error("[1,2]\n"));
        assertTrue(error("{\"prompt\":\n").startsWith("line 1: not valid JSON"));
        Path file = dir.resolve("kto.jsonl");
        Files.writeString(file, "{\"prompt\":\"p\",\"completion\":\"c\",\"label\":\"yes\"}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PreferenceJsonl.readUnpaired(file));
        assertTrue(e.getMessage().endsWith("line 1: field 'label' must be a boolean (true for a desirable completion), got \"yes\""),
                e.getMessage());
    }

    private String error(String content) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PreferenceJsonl.readPairs(file));
        return e.getMessage().substring(file.toString().length() + 1);
    }
}
