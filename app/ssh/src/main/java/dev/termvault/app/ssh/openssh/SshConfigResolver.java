package dev.termvault.app.ssh.openssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an ssh_config file and works out, for one host name, the values OpenSSH would use: lines are read
 * in order; a {@code Host} line turns the lines after it on or off for that name; the first value of a
 * keyword wins, except for keywords that add up (IdentityFile, the forwards...); {@code Include} is
 * resolved from {@code ~/.ssh} for relative paths, with globs, and inside a Host block applies only when
 * the block does. {@code Match} blocks are never applied (they are reported instead).
 */
public final class SshConfigResolver {

    /** Keywords whose every occurrence counts, in order. */
    static final Set<String> ADDING_KEYWORDS = Set.of("identityfile", "certificatefile", "localforward",
            "remoteforward", "dynamicforward", "sendenv");

    private static final int MAX_INCLUDE_DEPTH = 16;

    private final Path configFile;
    private final Path home;
    private final ImportReport report;
    private final Map<Path, List<ConfigLine>> parsed = new HashMap<>();

    /**
     * @param configFile the user's config file
     * @param home       the home directory: {@code ~} and relative Include paths ({@code ~/.ssh/...}) use it
     * @param report     where unreadable files and bad lines are reported
     */
    public SshConfigResolver(Path configFile, Path home, ImportReport report) {
        this.configFile = configFile;
        this.home = home;
        this.report = report;
    }

    public Path home() {
        return home;
    }

    /** The values OpenSSH would use to connect to {@code host} (the name as typed after {@code ssh}). */
    public ResolvedHost resolve(String host) {
        Map<String, List<ConfigLine>> values = new LinkedHashMap<>();
        process(configFile, host, true, false, 0, values);
        return new ResolvedHost(host, values, home);
    }

    /** Every line of the config and its includes, in reading order, each file once. */
    public List<ConfigLine> allLines() {
        List<ConfigLine> all = new ArrayList<>();
        collect(configFile, 0, new LinkedHashSet<>(), all);
        return all;
    }

    private void collect(Path file, int depth, Set<Path> seen, List<ConfigLine> out) {
        if (depth > MAX_INCLUDE_DEPTH || !seen.add(file.toAbsolutePath().normalize())) {
            return;
        }
        for (ConfigLine line : lines(file)) {
            out.add(line);
            if (line.keyword().equals("include")) {
                for (String arg : line.args()) {
                    includedFiles(arg).forEach(f -> collect(f, depth + 1, seen, out));
                }
            }
        }
    }

    private void process(Path file, String host, boolean startActive, boolean neverMatch, int depth,
            Map<String, List<ConfigLine>> values) {
        if (depth > MAX_INCLUDE_DEPTH) {
            report.skipped(ImportReport.Subject.CONFIG, file.toString(), ImportReason.TOO_DEEP,
                    "Include nested more than " + MAX_INCLUDE_DEPTH + " deep");
            return;
        }
        boolean active = startActive;
        for (ConfigLine line : lines(file)) {
            switch (line.keyword()) {
                case "host" -> active = !neverMatch && HostPatterns.hostLineMatches(host, line.args());
                case "match" -> active = false;
                case "include" -> {
                    for (String arg : line.args()) {
                        for (Path included : includedFiles(arg)) {
                            process(included, host, active, neverMatch || !active, depth + 1, values);
                        }
                    }
                }
                default -> {
                    if (active) {
                        List<ConfigLine> seen = values.computeIfAbsent(line.keyword(), k -> new ArrayList<>());
                        if (seen.isEmpty() || ADDING_KEYWORDS.contains(line.keyword())) {
                            seen.add(line);
                        }
                    }
                }
            }
        }
    }

    private List<ConfigLine> lines(Path file) {
        Path key = file.toAbsolutePath().normalize();
        List<ConfigLine> cached = parsed.get(key);
        if (cached != null) {
            return cached;
        }
        List<ConfigLine> lines = new ArrayList<>();
        try {
            List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < text.size(); i++) {
                try {
                    ConfigLine line = ConfigLine.parse(file, i + 1, text.get(i));
                    if (line != null) {
                        lines.add(line);
                    }
                } catch (ConfigLine.BadLine e) {
                    report.skipped(ImportReport.Subject.CONFIG, file.getFileName() + " line " + (i + 1),
                            ImportReason.MALFORMED, e.getMessage());
                }
            }
        } catch (IOException e) {
            report.skipped(ImportReport.Subject.CONFIG, file.toString(), ImportReason.FILE_UNREADABLE,
                    "could not be read");
        }
        parsed.put(key, List.copyOf(lines));
        return parsed.get(key);
    }

    /** The files an Include argument names, as OpenSSH finds them: from ~/.ssh if relative, globbed, sorted. */
    List<Path> includedFiles(String arg) {
        String path;
        if (arg.equals("~") || arg.startsWith("~/")) {
            path = home + arg.substring(1);
        } else if (!arg.startsWith("/")) {
            path = home.resolve(".ssh").resolve(arg).toString();
        } else {
            path = arg;
        }
        List<Path> matches = glob(path);
        if (matches.isEmpty()) {
            report.note(ImportReport.Subject.CONFIG, "Include " + arg, ImportReason.FILE_MISSING,
                    "matched no file");
        }
        return matches;
    }

    private static List<Path> glob(String path) {
        List<Path> current = List.of(Path.of("/"));
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            List<Path> next = new ArrayList<>();
            boolean wild = part.indexOf('*') >= 0 || part.indexOf('?') >= 0 || part.indexOf('[') >= 0;
            for (Path dir : current) {
                if (!wild) {
                    next.add(dir.resolve(part));
                    continue;
                }
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + part);
                List<Path> found = new ArrayList<>();
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    for (Path entry : entries) {
                        String name = entry.getFileName().toString();
                        if (matcher.matches(entry.getFileName()) && (!name.startsWith(".") || part.startsWith("."))) {
                            found.add(entry);
                        }
                    }
                } catch (IOException e) {
                    continue;
                }
                found.sort(null);
                next.addAll(found);
            }
            current = next;
        }
        return current.stream().filter(Files::isRegularFile).toList();
    }
}
