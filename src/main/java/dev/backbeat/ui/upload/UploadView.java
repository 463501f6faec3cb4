package dev.backbeat.ui.upload;

import dev.backbeat.ui.Texts;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** The clips pane: a big drop target while empty, then a list of clip cards with their progress. */
public final class UploadView extends VBox {

    public UploadView(UploadViewModel vm) {
        setId("uploadPane");
        getStyleClass().addAll("pane", "upload-pane");

        Label header = new Label(Texts.get("upload.header"));
        header.getStyleClass().add("pane-header");

        Label hint = new Label(vm.dropHint());
        hint.getStyleClass().add("drop-hint");
        hint.setWrapText(true);
        StackPane dropZone = new StackPane(hint);
        dropZone.setId("dropZone");
        dropZone.setAccessibleText(Texts.get("upload.dropZone.a11y"));
        dropZone.getStyleClass().add("drop-zone");
        dropZone.setOnMouseClicked(e -> vm.chooseFiles());
        VBox.setVgrow(dropZone, Priority.ALWAYS);

        ListView<ClipItem> list = new ListView<>(vm.clips());
        list.setId("clipList");
        list.setAccessibleText(Texts.get("upload.clips.a11y"));
        list.getStyleClass().add("clip-list");
        list.setCellFactory(v -> new ClipCell(vm));
        list.setOnKeyPressed(e -> {
            ClipItem selected = list.getSelectionModel().getSelectedItem();
            if (selected != null && (e.getCode() == javafx.scene.input.KeyCode.DELETE
                    || e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE)) {
                vm.remove(selected);
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button add = new Button(Texts.get("upload.add"));
        add.setId("addClips");
        add.setAccessibleText(Texts.get("upload.add.a11y"));
        add.setMaxWidth(Double.MAX_VALUE);
        add.setOnAction(e -> vm.chooseFiles());

        list.visibleProperty().bind(vm.emptyProperty().not());
        list.managedProperty().bind(list.visibleProperty());
        add.visibleProperty().bind(list.visibleProperty());
        add.managedProperty().bind(add.visibleProperty());
        dropZone.visibleProperty().bind(vm.emptyProperty());
        dropZone.managedProperty().bind(dropZone.visibleProperty());

        getChildren().addAll(header, dropZone, list, add);
        setSpacing(8);
    }

    /** Accepts video files dragged anywhere over {@code target} (the whole window). */
    public static void acceptDrops(javafx.scene.Node target, UploadViewModel vm) {
        // the window lights up while files are held over it, so the user sees the drop will be taken
        javafx.css.PseudoClass over = javafx.css.PseudoClass.getPseudoClass("files-over");
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            Dragboard db = e.getDragboard();
            if (db.hasFiles() && vm.accepts(paths(db.getFiles()))
                    || !db.hasFiles() && !UploadViewModel.links(dropped(db)).isEmpty()) {
                // a browser drags a link as text/uri-list: taken as a link to upload
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
                target.pseudoClassStateChanged(over, true);
            }
        });
        target.addEventHandler(DragEvent.DRAG_EXITED, e -> target.pseudoClassStateChanged(over, false));
        target.addEventHandler(DragEvent.DRAG_DONE, e -> target.pseudoClassStateChanged(over, false));
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            target.pseudoClassStateChanged(over, false);
            Dragboard db = e.getDragboard();
            boolean ok = db.hasFiles();
            if (ok) {
                vm.addFiles(paths(db.getFiles()));
            } else {
                List<java.net.URI> links = UploadViewModel.links(dropped(db));
                ok = !links.isEmpty();
                vm.addLinks(links);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** The text a drag holds that may carry links: the uri-list a browser gives, else plain text. */
    private static String dropped(Dragboard db) {
        return db.hasUrl() ? db.getUrl() : db.hasString() ? db.getString() : "";
    }

    private static List<Path> paths(List<File> files) {
        return files.stream().map(File::toPath).toList();
    }

    private static final javafx.css.PseudoClass ERROR = javafx.css.PseudoClass.getPseudoClass("error");

    private static final javafx.css.PseudoClass DROP_BEFORE = javafx.css.PseudoClass.getPseudoClass("drop-before");
    private static final javafx.scene.input.DataFormat CARD = new javafx.scene.input.DataFormat("application/x-backbeat-clip-card");

    private static final class ClipCell extends ListCell<ClipItem> {
        private final UploadViewModel vm;
        private final javafx.scene.image.ImageView thumb = new javafx.scene.image.ImageView();
        private final Label name = new Label();
        private final Label status = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Button cancel = new Button(Texts.get("common.cancel"));
        private final Button asItIs = new Button(Texts.get("upload.damaged.score"));
        private final Button stop = new Button(Texts.get("upload.damaged.stop"));
        private final javafx.scene.layout.HBox choice = new javafx.scene.layout.HBox(6, asItIs, stop);
        private final VBox box = new VBox(4, name, status, bar, cancel, choice);
        private final javafx.beans.value.ChangeListener<Boolean> failedListener =
                (o, was, failed) -> status.pseudoClassStateChanged(ERROR, this.current != null
                        && (this.current.failedProperty().get() || this.current.damagedProperty().get()));
        private ClipItem current;
        private final javafx.beans.InvalidationListener mediaListener = o -> {
            if (current != null) {
                showThumbnail(current);
            }
        };

        ClipCell(UploadViewModel vm) {
            this.vm = vm;
            thumb.setFitWidth(96);
            thumb.setFitHeight(54);
            thumb.setPreserveRatio(true);
            thumb.getStyleClass().add("clip-thumb");
            thumb.managedProperty().bind(thumb.visibleProperty());
            javafx.scene.control.MenuItem remove = new javafx.scene.control.MenuItem(Texts.get("upload.menu.remove"));
            remove.setOnAction(e -> {
                if (current != null) {
                    vm.remove(current);
                }
            });
            javafx.scene.control.MenuItem up = new javafx.scene.control.MenuItem(Texts.get("upload.menu.earlier"));
            up.setOnAction(e -> {
                if (current != null) {
                    vm.move(current, vm.timelineIndex(current) - 1);
                }
            });
            javafx.scene.control.MenuItem down = new javafx.scene.control.MenuItem(Texts.get("upload.menu.later"));
            down.setOnAction(e -> {
                if (current != null) {
                    vm.move(current, vm.timelineIndex(current) + 1);
                }
            });
            setContextMenu(new javafx.scene.control.ContextMenu(remove, up, down));
            dragToReorder();
            name.getStyleClass().add("clip-name");
            status.getStyleClass().add("clip-status");
            status.setWrapText(true);
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.managedProperty().bind(bar.visibleProperty());
            cancel.getStyleClass().add("flat");
            cancel.managedProperty().bind(cancel.visibleProperty());
            cancel.setOnAction(e -> {
                if (current != null) {
                    current.cancel();
                }
            });
            asItIs.getStyleClass().add("flat");
            stop.getStyleClass().add("flat");
            choice.managedProperty().bind(choice.visibleProperty());
            choice.setVisible(false);
            asItIs.setOnAction(e -> {
                if (current != null) {
                    vm.scoreAsItIs(current);
                }
            });
            stop.setOnAction(e -> {
                if (current != null) {
                    vm.stop(current);
                }
            });
            box.setAlignment(Pos.CENTER_LEFT);
            box.getStyleClass().add("clip-card");
            box.getChildren().add(0, thumb);
        }

        /** A card dragged onto another takes its place on the timeline; the card under the pointer shows where. */
        private void dragToReorder() {
            setOnDragDetected(e -> {
                if (current == null || vm.timelineIndex(current) < 0) {
                    return;
                }
                Dragboard db = startDragAndDrop(TransferMode.MOVE);
                javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                content.put(CARD, vm.timelineIndex(current));
                db.setContent(content);
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasContent(CARD) && current != null && vm.timelineIndex(current) >= 0) {
                    e.acceptTransferModes(TransferMode.MOVE);
                    box.pseudoClassStateChanged(DROP_BEFORE, true);
                    e.consume();
                }
            });
            setOnDragExited(e -> box.pseudoClassStateChanged(DROP_BEFORE, false));
            setOnDragDropped(e -> {
                box.pseudoClassStateChanged(DROP_BEFORE, false);
                Object from = e.getDragboard().getContent(CARD);
                if (from instanceof Integer index && current != null && index >= 0 && index < getListView().getItems().size()) {
                    vm.move(getListView().getItems().get(index), vm.timelineIndex(current));
                    e.setDropCompleted(true);
                    e.consume();
                }
            });
        }

        private void showThumbnail(ClipItem item) {
            String file = item.thumbnail();
            thumb.setVisible(!file.isBlank());
            thumb.setImage(file.isBlank() ? null
                    : new javafx.scene.image.Image(java.nio.file.Path.of(file).toUri().toString(), 96, 54, true, true, true));
        }

        @Override
        protected void updateItem(ClipItem item, boolean empty) {
            super.updateItem(item, empty);
            status.textProperty().unbind();
            bar.progressProperty().unbind();
            bar.visibleProperty().unbind();
            cancel.visibleProperty().unbind();
            cancel.setVisible(false);
            choice.visibleProperty().unbind();
            choice.setVisible(false);
            status.pseudoClassStateChanged(ERROR, false);
            if (current != null) {
                current.failedProperty().removeListener(failedListener);
                current.damagedProperty().removeListener(failedListener);
                current.mediaProperty().removeListener(mediaListener);
            }
            current = item;
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.name());
            showThumbnail(item);
            item.mediaProperty().addListener(mediaListener);
            cancel.setAccessibleText(Texts.get("upload.cancel.a11y", item.name()));
            status.textProperty().bind(item.statusProperty());
            bar.progressProperty().bind(item.progressProperty());
            bar.visibleProperty().bind(item.readyProperty().not().and(item.failedProperty().not())
                    .and(item.damagedProperty().not()));
            if (getListView() != null) {
                // a long message (a refusal, a damaged file) wraps within the pane instead of running off it
                status.maxWidthProperty().bind(getListView().widthProperty().subtract(28));
                status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            cancel.visibleProperty().bind(item.workingProperty());
            choice.visibleProperty().bind(item.damagedProperty());
            asItIs.setAccessibleText(Texts.get("upload.damaged.score.a11y", item.name()));
            stop.setAccessibleText(Texts.get("upload.damaged.stop.a11y", item.name()));
            status.pseudoClassStateChanged(ERROR, item.failedProperty().get() || item.damagedProperty().get());
            item.failedProperty().addListener(failedListener);
            item.damagedProperty().addListener(failedListener);
            setGraphic(box);
        }
    }
}
