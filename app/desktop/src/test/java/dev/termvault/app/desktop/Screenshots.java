package dev.termvault.app.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Renders a node to a PNG (call on the FX thread); used to look at each screen rendered headless. */
final class Screenshots {

    private Screenshots() {
    }

    static void write(Node node, Path file) {
        WritableImage image = node.snapshot(null, null);
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
