package io.github.jrl.envs.text;

import java.util.Arrays;
import java.util.List;

/**
 * A character-level tokenizer for small vocabularies: four special tokens, then one token per
 * character of an alphabet.
 *
 * <p>Ids: {@link #PAD} = 0, {@link #BOS} = 1 (begin), {@link #EOS} = 2 (end), {@link #SEP} = 3
 * (separator), then {@code 4 + i} for the {@code i}-th character of the alphabet, in the order
 * given. In text the special tokens are written {@code [PAD]}, {@code [BOS]}, {@code [EOS]} and
 * {@code [SEP]} (BERT's convention), and {@link #encode} reads them back, as Hugging Face
 * tokenizers do with their special-token strings; hence the alphabet may not contain {@code '['}.
 * Both directions round-trip: {@code decode(encode(text)).equals(text)} for every text over the
 * alphabet and the special names, and {@code encode(decode(ids))} equals {@code ids} for every
 * sequence of ids in the vocabulary.
 *
 * <p>Immutable and thread-safe.
 */
public final class CharTokenizer {

    public static final int PAD = 0;
    public static final int BOS = 1;
    public static final int EOS = 2;
    public static final int SEP = 3;

    /** Names of the special tokens, indexed by id. */
    private static final List<String> SPECIAL_NAMES = List.of("[PAD]", "[BOS]", "[EOS]", "[SEP]");
    private static final char SPECIAL_START = '[';

    private final String alphabet;
    /** Token id of each character, indexed by {@code char}; -1 outside the alphabet. */
    private final int[] idOfChar;

    /**
     * A tokenizer whose characters are those of {@code alphabet}, in that order.
     *
     * @throws IllegalArgumentException if the alphabet is empty, repeats a character or contains
     *     {@code '['}, which starts the special-token names
     */
    public CharTokenizer(String alphabet) {
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("a tokenizer alphabet needs at least one character");
        }
        int maxChar = alphabet.chars().max().getAsInt();
        int[] ids = new int[maxChar + 1];
        Arrays.fill(ids, -1);
        for (int i = 0; i < alphabet.length(); i++) {
            char c = alphabet.charAt(i);
            if (c == SPECIAL_START) {
                throw new IllegalArgumentException("the tokenizer alphabet \"" + alphabet + "\" contains '" + SPECIAL_START
                        + "', which starts the special-token names " + SPECIAL_NAMES);
            }
            if (ids[c] >= 0) {
                throw new IllegalArgumentException("the tokenizer alphabet \"" + alphabet + "\" repeats the character '" + c
                        + "' (positions " + (ids[c] - SPECIAL_NAMES.size()) + " and " + i + ")");
            }
            ids[c] = SPECIAL_NAMES.size() + i;
        }
        this.alphabet = alphabet;
        this.idOfChar = ids;
    }

    /** The characters, in id order; character {@code i} has id {@code 4 + i}. */
    public String alphabet() {
        return alphabet;
    }

    /** Number of token ids: the four special tokens plus the alphabet. */
    public int vocabSize() {
        return SPECIAL_NAMES.size() + alphabet.length();
    }

    public boolean isSpecial(int id) {
        return id >= 0 && id < SPECIAL_NAMES.size();
    }

    public boolean contains(char c) {
        return c < idOfChar.length && idOfChar[c] >= 0;
    }

    /** The id of character {@code c}. */
    public int id(char c) {
        if (!contains(c)) {
            throw new IllegalArgumentException("character " + describe(c) + " is not in the tokenizer alphabet \""
                    + alphabet + "\"");
        }
        return idOfChar[c];
    }

    /**
     * The ids of {@code text}, one per character, with the special-token names read as their
     * tokens.
     *
     * @throws IllegalArgumentException naming the first character outside the alphabet, or a
     *     {@code '['} that starts no special-token name
     */
    public int[] encode(String text) {
        int[] ids = new int[text.length()];
        int count = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == SPECIAL_START) {
                int special = specialAt(text, i);
                ids[count++] = special;
                i += SPECIAL_NAMES.get(special).length();
            } else if (contains(c)) {
                ids[count++] = idOfChar[c];
                i++;
            } else {
                throw new IllegalArgumentException("character " + describe(c) + " at position " + i + " of \"" + text
                        + "\" is not in the tokenizer alphabet \"" + alphabet + "\" and starts no special token "
                        + SPECIAL_NAMES);
            }
        }
        return Arrays.copyOf(ids, count);
    }

    /**
     * The text of {@code ids}, special tokens written as their names.
     *
     * @throws IllegalArgumentException naming the first id outside {@code [0, vocabSize())}
     */
    public String decode(int[] ids) {
        StringBuilder text = new StringBuilder(ids.length);
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            requireInVocabulary(id, i);
            if (isSpecial(id)) {
                text.append(SPECIAL_NAMES.get(id));
            } else {
                text.append(alphabet.charAt(id - SPECIAL_NAMES.size()));
            }
        }
        return text.toString();
    }

    /** Raises unless {@code id}, found at {@code position} of a sequence, is a token id of this vocabulary. */
    public void requireInVocabulary(int id, int position) {
        if (id < 0 || id >= vocabSize()) {
            throw new IllegalArgumentException("token id " + id + " at position " + position
                    + " is outside the vocabulary [0, " + vocabSize() + ")");
        }
    }

    private static int specialAt(String text, int position) {
        for (int id = 0; id < SPECIAL_NAMES.size(); id++) {
            if (text.startsWith(SPECIAL_NAMES.get(id), position)) {
                return id;
            }
        }
        throw new IllegalArgumentException("'" + SPECIAL_START + "' at position " + position + " of \"" + text
                + "\" starts none of the special tokens " + SPECIAL_NAMES);
    }

    private static String describe(char c) {
        return String.format("'%c' (U+%04X)", c, (int) c);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharTokenizer t && t.alphabet.equals(alphabet);
    }

    @Override
    public int hashCode() {
        return alphabet.hashCode();
    }

    @Override
    public String toString() {
        return "CharTokenizer(" + SPECIAL_NAMES + " + \"" + alphabet + "\")";
    }
}
