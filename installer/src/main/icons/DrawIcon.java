import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws termvault.png (256 x 256) with the same shapes as termvault.svg. Run from this folder:
 * {@code java DrawIcon.java} (Java 21 or later; the PNG is committed, so the build does not run this).
 */
public class DrawIcon {
    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        g.setColor(new Color(0x1e2a38));
        g.fill(new RoundRectangle2D.Double(16, 24, 224, 208, 56, 56));
        g.setColor(new Color(0x2f4157));
        g.fill(new RoundRectangle2D.Double(16, 24, 224, 40, 56, 56));
        g.fillRect(16, 44, 224, 20);
        dot(g, 44, 0xe06c75);
        dot(g, 66, 0xe5c07b);
        dot(g, 88, 0x98c379);
        Color blue = new Color(0x61afef);
        g.setColor(blue);
        g.setStroke(new BasicStroke(12));
        g.draw(new Ellipse2D.Double(160 - 54, 150 - 54, 108, 108));
        g.fill(new Ellipse2D.Double(160 - 16, 150 - 16, 32, 32));
        g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(160, 108, 160, 124));
        g.draw(new Line2D.Double(160, 176, 160, 192));
        g.draw(new Line2D.Double(118, 150, 134, 150));
        g.draw(new Line2D.Double(186, 150, 202, 150));
        g.setColor(new Color(0x98c379));
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D prompt = new Path2D.Double();
        prompt.moveTo(40, 110);
        prompt.lineTo(64, 130);
        prompt.lineTo(40, 150);
        g.draw(prompt);
        g.draw(new Line2D.Double(44, 190, 84, 190));
        g.dispose();
        ImageIO.write(image, "png", new File(args.length > 1 ? args[1] : "termvault.png"));
    }

    private static void dot(Graphics2D g, double x, int rgb) {
        g.setColor(new Color(rgb));
        g.fill(new Ellipse2D.Double(x - 7, 44 - 7, 14, 14));
    }
}
