package io.fashionae.cli;

import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.IHelpFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help whose option descriptions wrap only at spaces. Picocli wraps with the JDK's line
 * {@link java.text.BreakIterator}, which also breaks after {@code .} and before {@code /} or
 * {@code (}: paths and file names ({@code ./data/fashion-mnist}, {@code bench.json}) came out cut
 * in two, which a reader copying them gets wrong.
 */
final class WordWrappingHelp implements IHelpFactory {

    @Override
    public Help create(CommandSpec spec, ColorScheme scheme) {
        return new Help(spec, scheme) {
            @Override
            public Layout createDefaultLayout(
                    List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme colorScheme) {
                Layout standard = super.createDefaultLayout(options, positionals, colorScheme);
                TextTable table = new SpaceWrappingTable(colorScheme, standard.textTable());
                return new Layout(colorScheme, table, createDefaultOptionRenderer(), createDefaultParameterRenderer());
            }

            /** The command's description, wrapped at spaces. */
            @Override
            public String description(Object... params) {
                int width = commandSpec().usageMessage().width();
                SpaceWrappingTable table = new SpaceWrappingTable(
                        colorScheme(), new Column[] {new Column(width, 0, Column.Overflow.WRAP)}, 0);
                for (String line : commandSpec().usageMessage().description()) {
                    table.addRowValues(colorScheme().text(params.length == 0 ? line : String.format(line, params)));
                }
                return table.toString();
            }

            /** The synopsis as picocli lays it out (continuation lines under the first option), wrapped at spaces. */
            @Override
            protected String insertSynopsisCommandName(int synopsisHeadingLength, Text details) {
                String name = commandSpec().qualifiedName();
                int width = commandSpec().usageMessage().width();
                int indent = Math.min(synopsisHeadingLength + name.length() + 1, width / 2);
                SpaceWrappingTable table = new SpaceWrappingTable(
                        colorScheme(), new Column[] {new Column(width, 0, Column.Overflow.WRAP)}, indent);
                Text padding = colorScheme().ansi().new Text("X".repeat(synopsisHeadingLength), colorScheme());
                table.addRowValues(
                        padding.concat(colorScheme().commandText(name)).concat(details));
                return table.toString().substring(synopsisHeadingLength);
            }
        };
    }

    /** A text table that splits an overlong cell at its last space that fits, never inside a word. */
    static final class SpaceWrappingTable extends TextTable {
        private final ColorScheme scheme;

        SpaceWrappingTable(ColorScheme scheme, TextTable standard) {
            this(scheme, standard.columns(), standard.indentWrappedLines);
        }

        SpaceWrappingTable(ColorScheme scheme, Column[] columns, int indentWrappedLines) {
            super(scheme, columns);
            this.scheme = scheme;
            this.indentWrappedLines = indentWrappedLines;
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            Column column = columns()[col];
            String plain = value.plainString();
            // One character short of the column: picocli's own wrapping keeps that margin too.
            int room = column.width - column.indent - 1;
            if (column.overflow != Column.Overflow.WRAP || plain.length() <= room || plain.contains("\n")) {
                return super.putValue(row, col, value);
            }
            int cut = plain.lastIndexOf(' ', room);
            if (cut <= indentWrappedLines) {
                return super.putValue(row, col, value); // one word wider than the column: let picocli cut it
            }
            super.putValue(row, col, value.substring(0, cut));
            if (rowCount() <= row + 1) {
                addEmptyRow();
            }
            Text rest = scheme.ansi().new Text(" ".repeat(indentWrappedLines), scheme).concat(value.substring(cut + 1));
            return putValue(row + 1, col, rest);
        }
    }
}
