package dev.termvault.app.cli;

import java.io.PrintWriter;
import java.util.List;

/** Rows of text in aligned columns, two spaces apart; the last column is not padded. */
final class TextTable {

    private TextTable() {
    }

    /** Prints {@code rows} (the first is usually the header); every row has the same number of cells. */
    static void print(List<String[]> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            return;
        }
        int[] widths = new int[rows.get(0).length - 1];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            out.println(line.append(row[widths.length]).toString().stripTrailing());
        }
    }
}
