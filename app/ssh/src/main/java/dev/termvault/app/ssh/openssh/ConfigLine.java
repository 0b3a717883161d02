package dev.termvault.app.ssh.openssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One meaningful line of an ssh_config file, split as OpenSSH splits it: a keyword (matched without
 * regard to case) separated from its arguments by white space or one {@code =}; arguments split on white
 * space, with double or single quotes and backslash escapes; an unquoted argument starting with {@code #}
 * ends the line.
 *
 * @param file    the file the line is in
 * @param number  its line number, from 1
 * @param keyword the keyword in lower case
 * @param args    the arguments, quotes removed
 */
record ConfigLine(Path file, int number, String keyword, List<String> args) {

    /** Thrown for a line OpenSSH itself would reject (no argument, unbalanced quotes). */
    static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message);
        }
    }

    String where() {
        return file.getFileName() + " line " + number;
    }

    String first() {
        return args.get(0);
    }

    /**
     * The line split, or null for a blank or comment line.
     *
     * @throws BadLine when OpenSSH would reject the line
     */
    static ConfigLine parse(Path file, int number, String text) throws BadLine {
        String line = text.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        int i = 0;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '=') {
            i++;
        }
        String keyword = line.substring(0, i).toLowerCase(Locale.ROOT);
        i = skipSpace(line, i);
        if (i < line.length() && line.charAt(i) == '=') {
            i = skipSpace(line, i + 1);
        }
        String rest = line.substring(i);
        if (rest.isEmpty()) {
            throw new BadLine("no argument after keyword \"" + keyword + "\"");
        }
        List<String> args = split(rest);
        if (args.isEmpty()) {
            throw new BadLine("no argument after keyword \"" + keyword + "\"");
        }
        return new ConfigLine(file, number, keyword, List.copyOf(args));
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** OpenSSH's argv_split: quotes, backslash escapes and a trailing comment. */
    static List<String> split(String s) throws BadLine {
        List<String> args = new ArrayList<>();
        int i = 0;
        while (true) {
            i = skipSpace(s, i);
            if (i >= s.length() || s.charAt(i) == '#') {
                return args;
            }
            StringBuilder arg = new StringBuilder();
            char quote = 0;
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quote == 0 && Character.isWhitespace(c)) {
                    break;
                }
                if (c == '\\' && i + 1 < s.length()
                        && (s.charAt(i + 1) == '\\' || s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\''
                        || (quote == 0 && Character.isWhitespace(s.charAt(i + 1))))) {
                    arg.append(s.charAt(++i));
                } else if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (quote != 0 && c == quote) {
                    quote = 0;
                } else {
                    arg.append(c);
                }
            }
            if (quote != 0) {
                throw new BadLine("invalid quotes");
            }
            args.add(arg.toString());
        }
    }
}
