package dev.termvault.app.desktop;

import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window flow tests share: waiting on a condition, whether a node is on screen, the host list. */
final class GuiTests {

    private GuiTests() {
    }

    /**
     * Waits (up to a minute) until {@code condition} holds, then for the UI thread to settle. The condition is
     * checked on the UI thread: it reads the scene graph, which the UI thread changes meanwhile (a lookup walking
     * the children of a pane being replaced fails on another thread).
     */
    static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition::get).get(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Lets pending UI events run first, unless this already is the UI thread (inside a condition). */
    static void settle() {
        if (!Platform.isFxApplicationThread()) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Whether the node {@code query} finds is on screen: visible with every parent, in a showing window. */
    static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(GuiTests::shown).orElse(false);
    }

    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null && node.getScene().getWindow() != null
                && node.getScene().getWindow().isShowing();
    }

    /** The labels the host list shows, in order. */
    static List<String> hostLabels(FxRobot robot) {
        settle();
        ListView<VaultRecord> list = robot.lookup("#hostList").query();
        return list.getItems().stream().map(r -> ((Host) r.item()).label()).toList();
    }
}
