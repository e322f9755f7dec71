package io.fashionae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * What {@code --help} prints: wrapped only between words, and for decode/encode a default or
 * "required" on every option.
 */
class HelpTextTest {

    private static String help(String command, int width) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main())
                .setDefaultValueProvider(new SeedDefaults())
                .setHelpFactory(new WordWrappingHelp())
                .setUsageHelpWidth(width);
        CommandLine sub = command.isEmpty() ? cli : cli.getSubcommands().get(command);
        sub.usage(new PrintWriter(out));
        return out.toString();
    }

    private static List<String> words(String text) {
        return Arrays.asList(text.trim().split("\\s+"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "train", "summary", "data", "export", "decode", "encode", "report", "bench"})
    void helpIsWrappedOnlyBetweenWords(String command) {
        // Unwrapped (one very wide line each) and wrapped at 80 columns must hold the same words.
        String wrapped = help(command, 80);
        assertThat(words(wrapped)).isEqualTo(words(help(command, 1000)));
        assertThat(wrapped.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "bench"})
    void pathsInTheHelpAreWhole(String command) {
        assertThat(words(help(command, 80)))
                .contains(
                        "./data/fashion-mnist,",
                        "/usr/share/datasets/fashion-mnist,",
                        "ConvTranspose2d(output_padding=1)");
        assertThat(help("bench", 80)).contains("reports/bench.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"decode", "encode"})
    void everyDecodeAndEncodeOptionShowsItsDefaultOrSaysItIsRequired(String command) {
        CommandLine.Model.CommandSpec spec =
                new CommandLine(new Main()).getSubcommands().get(command).getCommandSpec();
        String text = help(command, 1000);
        for (CommandLine.Model.OptionSpec option : spec.options()) {
            if (option.usageHelp()
                    || option.versionHelp()
                    || option.longestName().equals("--verbose")) {
                continue;
            }
            String line = text.lines()
                    .filter(l -> l.trim().startsWith(option.longestName() + "="))
                    .findFirst()
                    .orElseThrow();
            assertThat(line).as(option.longestName()).containsAnyOf("(default: ", "(required)");
        }
        for (CommandLine.Model.PositionalParamSpec param : spec.positionalParameters()) {
            assertThat(String.join(" ", param.description())).contains("(required)");
        }
    }
}
