package io.fashionae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class SeedDefaultsTest {

    @Test
    void everyDefaultBelongsToAnOptionThatReceivesIt() throws Exception {
        CommandLine cli = new CommandLine(new Main()).setDefaultValueProvider(new SeedDefaults());
        Set<String> optionNames = new HashSet<>();
        for (CommandLine sub : cli.getSubcommands().values()) {
            for (OptionSpec option : sub.getCommandSpec().options()) {
                optionNames.add(option.longestName());
            }
        }
        List<String> keys = Arrays.stream(SeedDefaults.class.getDeclaredFields())
                .filter(f -> f.getType() == String.class && Modifier.isStatic(f.getModifiers()))
                .map(SeedDefaultsTest::value)
                .toList();

        assertThat(keys).hasSize(22).allSatisfy(key -> assertThat(optionNames).contains(key));
        OptionSpec plotEvery =
                cli.getSubcommands().get("train").getCommandSpec().findOption(SeedDefaults.PLOT_EVERY);
        assertThat(new SeedDefaults().defaultValue(plotEvery)).isEqualTo("10");
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
