package dev.backbeat.ui.preview;

import dev.backbeat.service.preview.PreviewPictures;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;

/**
 * The picture fitted into the pane with the title laid over it where the export draws it (centred,
 * its baseline at 78% of the frame's height, its size a twelfth of the frame's shorter side), so
 * what is seen is where it will be, without burning it into the pixels.
 */
final class PictureFrame extends Pane {
    private final ImageView view = new ImageView();
    private final Label title = new Label();
    private WritableImage playing;
    private Image still;

    PictureFrame() {
        getStyleClass().add("preview-frame");
        view.setId("previewImage");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        title.setId("previewTitle");
        title.getStyleClass().add("preview-title");
        title.setVisible(false);
        title.setManaged(false);
        getChildren().addAll(view, title);
        setMinSize(0, 0);
    }

    /** Shows a decoded picture (null: back to the still frame). */
    void show(PreviewPictures.Picture p) {
        if (p == null) {
            view.setImage(still);
            requestLayout();
            return;
        }
        if (playing == null || (int) playing.getWidth() != p.width() || (int) playing.getHeight() != p.height()) {
            playing = new WritableImage(p.width(), p.height());
        }
        playing.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getByteRgbInstance(), p.rgb(), 0,
                p.width() * 3);
        if (view.getImage() != playing) {
            view.setImage(playing);
            requestLayout();
        }
    }

    /** The clip's still frame, shown while nothing plays. */
    void still(Image image, boolean showNow) {
        still = image;
        if (showNow) {
            view.setImage(image);
            requestLayout();
        }
    }

    void title(String text) {
        title.setText(text);
        title.setVisible(text != null && !text.isBlank());
        requestLayout();
    }

    /** The image currently on screen (the decoded picture, the still frame, or none). */
    Image image() {
        return view.getImage();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - 16;
        double h = getHeight() - 16;
        Image img = view.getImage();
        if (img == null || w <= 0 || h <= 0 || img.getWidth() <= 0) {
            view.setFitWidth(Math.max(0, w));
            view.setFitHeight(Math.max(0, h));
            return;
        }
        double k = Math.min(w / img.getWidth(), h / img.getHeight());
        double fw = img.getWidth() * k;
        double fh = img.getHeight() * k;
        double x = (getWidth() - fw) / 2;
        double y = (getHeight() - fh) / 2;
        view.setFitWidth(fw);
        view.setFitHeight(fh);
        view.relocate(x, y);
        if (title.isVisible()) {
            // scaled rather than re-fonted: the stylesheet's font size wins over a font set in code
            double size = Math.max(11, Math.min(fw, fh) / 12);
            double scale = size / Math.max(1, title.getFont().getSize());
            title.setMaxWidth(fw * 0.9 / scale);
            double tw = Math.min(title.prefWidth(-1), fw * 0.9 / scale);
            double th = title.prefHeight(tw);
            title.resize(tw, th);
            title.setScaleX(scale);
            title.setScaleY(scale);
            // scaled about its centre: the centre goes where the export's text sits (baseline at 78%)
            double cx = x + fw / 2;
            double cy = y + fh * 0.78 - size * 0.35;
            title.relocate(cx - tw / 2, cy - th / 2);
        }
    }
}
