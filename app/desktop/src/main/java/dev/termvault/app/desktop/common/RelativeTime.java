package dev.termvault.app.desktop.common;

import java.time.Duration;
import java.time.Instant;

/** Times as a person reads them in a status bar: "just now", "2 min ago", "3 h ago", "yesterday". */
public final class RelativeTime {

    private RelativeTime() {
    }

    /** How long before {@code now} {@code then} was; a time in the future (a clock step) reads "just now". */
    public static String ago(Instant then, Instant now) {
        long seconds = Duration.between(then, now).getSeconds();
        if (seconds < 45) {
            return "just now";
        }
        long minutes = Math.max(1, Math.round(seconds / 60.0));
        if (minutes < 60) {
            return minutes + " min ago";
        }
        long hours = seconds / 3600;
        if (hours < 24) {
            return hours + " h ago";
        }
        long days = hours / 24;
        return days == 1 ? "yesterday" : days + " days ago";
    }
}
