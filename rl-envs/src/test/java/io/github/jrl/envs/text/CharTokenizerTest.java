package io.github.jrl.envs.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.random.Rng;
import org.junit.jupiter.api.Test;

class CharTokenizerTest {

    private final CharTokenizer tokenizer = new CharTokenizer("ab+");

    @Test
    void specialTokensComeFirstThenTheAlphabetInOrder() {
        assertEquals(7, tokenizer.vocabSize());
        assertEquals(0, CharTokenizer.PAD);
        assertEquals(1, CharTokenizer.BOS);
        assertEquals(2, CharTokenizer.EOS);
        assertEquals(3, CharTokenizer.SEP);
        assertEquals(4, tokenizer.id('a'));
        assertEquals(5, tokenizer.id('b'));
        assertEquals(6, tokenizer.id('+'));
        assertTrue(tokenizer.isSpecial(3));
        assertFalse(tokenizer.isSpecial(4));
        assertFalse(tokenizer.isSpecial(-1));
    }

    @Test
    void encodesCharactersAndSpecialTokenNames() {
        assertArrayEquals(new int[] {5, 4, 6}, tokenizer.encode("ba+"));
        assertArrayEquals(new int[] {1, 4, 3, 5, 2, 0}, tokenizer.encode("[BOS]a[SEP]b[EOS][PAD]"));
        assertArrayEquals(new int[0], tokenizer.encode(""));
    }

    @Test
    void decodesSpecialTokensByName() {
        assertEquals("[BOS]ab[EOS][PAD][SEP]+", tokenizer.decode(new int[] {1, 4, 5, 2, 0, 3, 6}));
    }

    @Test
    void roundTripsEveryTextAndEverySequenceOfIds() {
        Rng rng = new Rng(5);
        String[] pieces = {"a", "b", "+", "[PAD]", "[BOS]", "[EOS]", "[SEP]"};
        for (int trial = 0; trial < 200; trial++) {
            int[] ids = new int[rng.nextInt(12)];
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < ids.length; i++) {
                ids[i] = rng.nextInt(tokenizer.vocabSize());
                text.append(pieces[rng.nextInt(pieces.length)]);
            }
            assertArrayEquals(ids, tokenizer.encode(tokenizer.decode(ids)));
            assertEquals(text.toString(), tokenizer.decode(tokenizer.encode(text.toString())));
        }
    }

    @Test
    void rejectsUnknownCharactersNamingThemAndTheirPosition() {
        var e = assertThrows(IllegalArgumentException.class, () -> tokenizer.encode("ab c"));
        assertEquals("character ' ' (U+0020) at position 2 of \"ab c\" is not in the tokenizer alphabet \"ab+\" and starts "
                + "no special token [[PAD], [BOS], [EOS], [SEP]]", e.getMessage());
        var bracket = assertThrows(IllegalArgumentException.class, () -> tokenizer.encode("a[EOT]"));
        assertEquals("'[' at position 1 of \"a[EOT]\" starts none of the special tokens [[PAD], [BOS], [EOS], [SEP]]",
                bracket.getMessage());
        var id = assertThrows(IllegalArgumentException.class, () -> tokenizer.id('c'));
        assertEquals("character 'c' (U+0063) is not in the tokenizer alphabet \"ab+\"", id.getMessage());
    }

    @Test
    void rejectsIdsOutsideTheVocabulary() {
        var e = assertThrows(IllegalArgumentException.class, () -> tokenizer.decode(new int[] {4, 7}));
        assertEquals("token id 7 at position 1 is outside the vocabulary [0, 7)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tokenizer.decode(new int[] {-1}));
    }

    @Test
    void rejectsBadAlphabets() {
        assertThrows(IllegalArgumentException.class, () -> new CharTokenizer(""));
        var repeat = assertThrows(IllegalArgumentException.class, () -> new CharTokenizer("abca"));
        assertEquals("the tokenizer alphabet \"abca\" repeats the character 'a' (positions 0 and 3)", repeat.getMessage());
        var special = assertThrows(IllegalArgumentException.class, () -> new CharTokenizer("a[b"));
        assertTrue(special.getMessage().contains("contains '['"), special.getMessage());
    }

    @Test
    void tokenizersWithTheSameAlphabetAreEqual() {
        assertEquals(new CharTokenizer("ab+"), tokenizer);
        assertEquals(new CharTokenizer("ab+").hashCode(), tokenizer.hashCode());
        assertFalse(new CharTokenizer("ba+").equals(tokenizer));
    }
}
