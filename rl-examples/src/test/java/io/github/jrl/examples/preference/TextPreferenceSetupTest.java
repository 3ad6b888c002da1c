package io.github.jrl.examples.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.algorithms.preference.PairGenerator;
import io.github.jrl.algorithms.preference.RewardModelTrainer.Comparison;
import io.github.jrl.core.random.Rng;
import io.github.jrl.envs.text.Prompt;
import io.github.jrl.envs.text.PromptDataset;
import io.github.jrl.envs.text.PromptSplit;
import io.github.jrl.envs.text.TextRewards;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;

class TextPreferenceSetupTest {

    /** One-digit addition, a barely trained policy: cheap, and its samples differ in correctness. */
    private final TextPreferenceSetup setup = new TextPreferenceSetup(1, 20, 0.0, 50, 8, 1e-3, 20);

    @Test
    void trainingAndRefreshCountEveryVerifierLabelAndKeepTheNewPairs() {
        PromptDataset data = setup.dataset();
        TextRewards verifier = setup.rewards(data);
        TokenPolicy sft = setup.sftPolicy(data, 0);
        List<Prompt> judged = new ArrayList<>();
        ToDoubleBiFunction<Prompt, int[]> judge = (p, c) -> {
            judged.add(p);
            return TextPreferenceSetup.verifierScore(verifier, p, c);
        };
        PairGenerator allPairs = setup.pairGenerator(data, 4, PairGenerator.Pairing.ALL_PAIRS);
        TextPreferenceSetup.TrainedRewardModel model = setup.trainRewardModel(data, sft, judge, allPairs, 20, 1, 1e-3, 0,
                new Rng(1));
        assertEquals(20, model.trainPairs());
        // the 60 training prompts after the demonstrations fit in one chunk of the cursor: 4 labels each; the 20 held-out
        // prompts' 4 samples are judged too, but are not training labels
        int trainPrompts = data.prompts(PromptSplit.TRAIN).size() - setup.demonstrations();
        assertEquals(60, trainPrompts);
        assertEquals(4L * trainPrompts, model.trainLabels());
        assertEquals(model.trainLabels() + 4 * 20, judged.size());
        assertTrue(model.accuracy() >= 0 && model.accuracy() <= 1);

        List<Comparison> before = List.copyOf(model.train());
        PromptCursor cursor = setup.trainCursor(data);
        int judgedBefore = judged.size();
        long labels = setup.refreshRewardModel(model, cursor, sft, judge, allPairs, 12, 1, new Rng(2));
        assertEquals(judged.size() - judgedBefore, labels);
        assertEquals(4L * trainPrompts, labels);
        assertEquals(before.size() + 12, model.train().size());
        assertEquals(before, model.train().subList(0, before.size()));

        assertThrows(IllegalArgumentException.class,
                () -> setup.refreshRewardModel(model, cursor, sft, judge, allPairs, 0, 1, new Rng(2)));
        assertThrows(IllegalArgumentException.class,
                () -> setup.refreshRewardModel(model, cursor, sft, judge, allPairs, 4, 0, new Rng(2)));
    }
}
