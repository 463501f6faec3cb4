import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.GeneralPath;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws Backbeat's app icon (a play mark over a row of beat bars) and writes it as the three
 * files the installers want: PNG (Linux), ICO (Windows) and ICNS (macOS). Drawn from code so it
 * can be changed and rebuilt with nothing but a JDK:
 * {@code java installer/icon/DrawIcon.java assets/icon}
 */
public final class DrawIcon {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets/icon");
        Files.createDirectories(dir);
        ImageIO.write(draw(256), "png", dir.resolve("backbeat.png").toFile());
        Files.write(dir.resolve("backbeat.ico"), ico(new int[] {16, 32, 48, 256}));
        Files.write(dir.resolve("backbeat.icns"), icns());
    }

    /** The icon at one size; every length is a share of the side so small sizes keep the shapes. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        float s = size;
        float inset = s * 0.04f;
        g.setPaint(new GradientPaint(0, 0, new Color(0x4B2A8C), s, s, new Color(0xE0565B)));
        g.fill(new RoundRectangle2D.Float(inset, inset, s - 2 * inset, s - 2 * inset, s * 0.36f, s * 0.36f));

        // the play mark: the video
        GeneralPath play = new GeneralPath();
        play.moveTo(s * 0.36f, s * 0.20f);
        play.lineTo(s * 0.36f, s * 0.58f);
        play.lineTo(s * 0.69f, s * 0.39f);
        play.closePath();
        g.setColor(new Color(255, 255, 255, 240));
        g.fill(play);

        // the beat bars under it: the music, loud on the downbeats
        float[] heights = {0.10f, 0.05f, 0.075f, 0.05f, 0.10f, 0.05f, 0.075f};
        float barWidth = s * 0.055f;
        float gap = s * 0.035f;
        float total = heights.length * barWidth + (heights.length - 1) * gap;
        float x = (s - total) / 2;
        float base = s * 0.80f;
        g.setColor(new Color(255, 236, 210));
        g.setStroke(new BasicStroke(barWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (float h : heights) {
            float cx = x + barWidth / 2;
            g.draw(new java.awt.geom.Line2D.Float(cx, base - h * s, cx, base));
            x += barWidth + gap;
        }
        g.dispose();
        return img;
    }

    static byte[] png(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(draw(size), "png", out);
        return out.toByteArray();
    }

    /** ICO with PNG-compressed entries (read by Windows Vista and later, and by jpackage's WiX step). */
    static byte[] ico(int[] sizes) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int size : sizes) {
            images.add(png(size));
        }
        int headerLength = 6 + 16 * sizes.length;
        int length = headerLength + images.stream().mapToInt(b -> b.length).sum();
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = headerLength;
        for (int i = 0; i < sizes.length; i++) {
            int side = sizes[i] >= 256 ? 0 : sizes[i];
            buf.put((byte) side).put((byte) side).put((byte) 0).put((byte) 0);
            buf.putShort((short) 1).putShort((short) 32).putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(buf::put);
        return buf.array();
    }

    /** ICNS with PNG entries: ic07 (128), ic08 (256), ic09 (512), ic10 (1024, the 512@2x Retina size). */
    static byte[] icns() throws IOException {
        String[] types = {"ic07", "ic08", "ic09", "ic10"};
        int[] sizes = {128, 256, 512, 1024};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (int i = 0; i < types.length; i++) {
            byte[] png = png(sizes[i]);
            d.writeBytes(types[i]);
            d.writeInt(8 + png.length);
            d.write(png);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.writeBytes("icns");
        o.writeInt(8 + body.size());
        o.write(body.toByteArray());
        return out.toByteArray();
    }
}
