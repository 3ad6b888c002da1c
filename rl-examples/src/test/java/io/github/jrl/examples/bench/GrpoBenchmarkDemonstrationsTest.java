package io.github.jrl.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.envs.text.AdditionTask;
import io.github.jrl.envs.text.NoCarryNoise;
import io.github.jrl.envs.text.Problem;
import io.github.jrl.envs.text.Prompt;
import io.github.jrl.envs.text.PromptDataset;
import io.github.jrl.envs.text.PromptSplit;
import io.github.jrl.envs.text.TextFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GrpoBenchmarkDemonstrationsTest {

    private final AdditionTask task = new AdditionTask(3);
    private final PromptDataset data = new PromptDataset(task, TextFormat.forTasks(task), 0L, 50, 2000);

    private GrpoBenchmark parse(String... args) {
        GrpoBenchmark bench = new GrpoBenchmark();
        new CommandLine(bench).parseArgs(args);
        return bench;
    }

    @Test
    void withoutNoiseTheDemonstrationsAreTheFirstTrainPrompts() {
        List<Prompt> demos = parse("--demos", "1000", "--demo-noise", "NONE").demonstrations(data, 3L);
        assertEquals(data.prompts(PromptSplit.TRAIN).subList(0, 1000), demos);
    }

    @Test
    void defaultsAreTheDocumentedNoisyDemonstrationStart() {
        GrpoBenchmark bench = parse();
        assertEquals(GrpoBenchmark.DemoNoise.NO_CARRY, bench.demoNoise);
        assertEquals(0.55, bench.noiseFraction);
        assertEquals(0.0, bench.sftStopAccuracy, "a fixed number of SFT steps");
        assertEquals(2000, bench.sftSteps);
        assertEquals(128_000, bench.demos);
        assertEquals(800, bench.updates);
    }

    @Test
    void noCarryNoiseTeachesTheNoCarryAnswerOnTheSeededFraction() {
        List<Prompt> clean = data.prompts(PromptSplit.TRAIN).subList(0, 1000);
        List<Prompt> demos = parse("--demos", "1000", "--demo-noise", "NO_CARRY", "--noise-fraction", "0.6")
                .demonstrations(data, 3L);
        List<Problem> expected = NoCarryNoise.corrupt(clean.stream().map(Prompt::problem).toList(), 0.6, 3L);
        assertEquals(1000, demos.size());
        int wrong = 0;
        for (int i = 0; i < demos.size(); i++) {
            Prompt demo = demos.get(i);
            assertEquals(clean.get(i).question(), demo.question());
            assertEquals(expected.get(i).answer(), demo.answer());
            String target = data.format().tokenizer().decode(demo.targetCompletion());
            assertEquals("<" + expected.get(i).answer() + ">[EOS]", target);
            if (!demo.answer().equals(clean.get(i).answer())) {
                wrong++;
                assertEquals(NoCarryNoise.answer(demo.question()), demo.answer());
                assertEquals(clean.get(i).answer().length(), demo.answer().length(), "the length rule is kept");
            }
        }
        // 600 are corrupted; about 70 % of three-digit sums have a carry into the tens or hundreds that changes the answer
        assertTrue(wrong > 350 && wrong < 500, "wrong demonstrations: " + wrong);
    }
}
