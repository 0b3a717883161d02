package dev.termvault.app.desktop;

import java.util.List;

/**
 * Where the window was and how large, as saved in the settings, and how to fit it on the screens there are now
 * (a monitor may have gone since).
 *
 * @param x         left edge
 * @param y         top edge
 * @param width     width
 * @param height    height
 * @param maximized whether the window was maximized
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

    /** The area of one screen that windows may use (without task bars). */
    public record Area(double x, double y, double width, double height) {
        double overlap(WindowBounds w) {
            double dx = Math.min(x + width, w.x + w.width) - Math.max(x, w.x);
            double dy = Math.min(y + height, w.y + w.height) - Math.max(y, w.y);
            return dx > 0 && dy > 0 ? dx * dy : 0;
        }
    }

    /**
     * These bounds moved and shrunk as little as possible to lie wholly on one screen: the screen the window
     * overlaps most, else the first (the primary). Never smaller than the minimum size, unless the screen is.
     */
    public WindowBounds clampTo(List<Area> screens, double minWidth, double minHeight) {
        if (screens.isEmpty()) {
            return this;
        }
        Area best = screens.get(0);
        for (Area area : screens) {
            if (area.overlap(this) > best.overlap(this)) {
                best = area;
            }
        }
        double w = Math.min(Math.max(width, minWidth), best.width());
        double h = Math.min(Math.max(height, minHeight), best.height());
        double left = Math.min(Math.max(x, best.x()), best.x() + best.width() - w);
        double top = Math.min(Math.max(y, best.y()), best.y() + best.height() - h);
        return new WindowBounds(left, top, w, h, maximized);
    }
}
