package io.github.jrl.algorithms.sac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.schedule.Schedule;
import io.github.jrl.nd4j.nn.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SacConfigFileTest {

    private static final SacConfig DEFAULTS = SacConfig.builder().build();

    @Test
    void everyFieldRoundTripsThroughYaml() {
        SacConfig unusual = SacConfig.builder().numEnvs(3).bufferSize(1234).learningStarts(0).batchSize(17).tau(0.02)
                .gamma(0.5).trainFreq(4).gradientSteps(3).targetUpdateInterval(2).learningRate(Schedule.linear(1e-3))
                .adamEpsilon(1e-5).fixedEntCoef(0.05).targetEntropy(-2.5).hiddenSizes(8, 4).activation(Activation.TANH)
                .explorationNoise(ExplorationNoise.PINK).noiseSequenceLength(200).seed(-42).build();
        for (SacConfig config : List.of(DEFAULTS, unusual, SacPresets.pendulum(), SacPresets.mountainCarContinuous(),
                SacPresets.cartPole())) {
            String yaml = SacConfigFile.toYaml(config);
            assertEquals(config, SacConfigFile.parse(yaml, "test", DEFAULTS), yaml);
            SacConfigFile.fieldNames().forEach(name -> assertTrue(yaml.contains("\n" + name + ":")
                    || yaml.startsWith(name + ":"), name + " missing from\n" + yaml));
        }
        assertEquals(List.of("entCoef: 0.05 vs \"auto_0.05\""), SacConfigFile.differences(unusual,
                unusual.toBuilder().autoEntCoef(0.05).build()));
    }

    /** The temperature in Stable-Baselines3's notation. */
    @Test
    void entCoefTakesSb3Notation() {
        SacConfig auto = SacConfigFile.parse("entCoef: auto", "test", DEFAULTS.toBuilder().fixedEntCoef(0.3).build());
        assertTrue(auto.autoEntCoef());
        assertEquals(1.0, auto.entCoef());
        SacConfig autoFrom = SacConfigFile.parse("entCoef: auto_0.1", "test", DEFAULTS);
        assertTrue(autoFrom.autoEntCoef());
        assertEquals(0.1, autoFrom.entCoef());
        SacConfig fixed = SacConfigFile.parse("entCoef: 0.2", "test", DEFAULTS);
        assertEquals(false, fixed.autoEntCoef());
        assertEquals(0.2, fixed.entCoef());
        assertTrue(Double.isNaN(SacConfigFile.parse("targetEntropy: null", "test",
                DEFAULTS.toBuilder().targetEntropy(-1).build()).targetEntropy()));
    }

    @Test
    void mistakesNameTheField() {
        IllegalArgumentException notation = assertThrows(IllegalArgumentException.class,
                () -> SacConfigFile.parse("entCoef: automatic", "f.yml", DEFAULTS));
        assertTrue(notation.getMessage().contains("entCoef must be 'auto', 'auto_<initial alpha>' or a number, got"
                + " \"automatic\""), notation.getMessage());
        IllegalArgumentException zoo = assertThrows(IllegalArgumentException.class,
                () -> SacConfigFile.parse("buffer_size: 10", "f.yml", DEFAULTS));
        assertTrue(zoo.getMessage().contains("bufferSize"), zoo.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> SacConfigFile.parse("tau: 2", "f.yml", DEFAULTS));
        assertTrue(range.getMessage().contains("tau"), range.getMessage());
    }
}
