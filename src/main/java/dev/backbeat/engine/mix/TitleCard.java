package dev.backbeat.engine.mix;

import javax.imageio.ImageIO;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Draws a title as a transparent PNG the size of the output frame: large white text with a soft
 * dark outline, centred in the lower third. The bundled FFmpeg has no drawtext, so titles are
 * drawn here and laid over the picture with FFmpeg's overlay filter.
 */
public final class TitleCard {

    /** A title shown from {@code startSec} for {@code durationSec}. */
    public record Title(String text, double startSec, double durationSec) {
        public Title {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a title needs text");
            }
            startSec = Math.max(0, startSec);
            durationSec = Math.max(0.1, durationSec);
        }
    }

    private TitleCard() {
    }

    public static void write(String text, int width, int height, Path png) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setComposite(AlphaComposite.Clear);
            g.fillRect(0, 0, width, height);
            g.setComposite(AlphaComposite.SrcOver);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            int size = Math.max(24, Math.min(width, height) / 12);
            Font font = fontFor(text, size);
            FontMetrics fm = g.getFontMetrics(font);
            // shrink long titles to fit 90 % of the width
            while (fm.stringWidth(text) > width * 0.9 && size > 14) {
                size = (int) (size * 0.9);
                font = font.deriveFont((float) size);
                fm = g.getFontMetrics(font);
            }
            TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
            double x = (width - layout.getAdvance()) / 2.0;
            double y = height * 0.78;
            Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x, y));
            g.setColor(new Color(0, 0, 0, 150));
            g.setStroke(new BasicStroke(size / 8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
            g.setColor(Color.WHITE);
            g.fill(outline);
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", png.toFile());
    }

    /** A font that can show every letter of the title (CJK titles need one with those glyphs). */
    private static Font fontFor(String text, int size) {
        Font preferred = new Font(Font.SANS_SERIF, Font.BOLD, size);
        if (preferred.canDisplayUpTo(text) == -1) {
            return preferred;
        }
        for (Font f : java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts()) {
            if (f.canDisplayUpTo(text) == -1) {
                return f.deriveFont(Font.BOLD, (float) size);
            }
        }
        return preferred;
    }
}
