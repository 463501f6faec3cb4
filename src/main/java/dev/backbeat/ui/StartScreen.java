package dev.backbeat.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the window shows before a clip is loaded: the recent projects, and Open. */
final class StartScreen extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    StartScreen(MainViewModel vm) {
        setId("startScreen");
        getStyleClass().add("start-screen");
        setAlignment(Pos.CENTER);
        setSpacing(8);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);

        Label title = new Label(Texts.get("start.recent"));
        title.getStyleClass().add("pane-header");
        VBox list = new VBox(4);
        list.setId("recentProjects");
        Label none = new Label(Texts.get("start.none"));
        none.getStyleClass().add("muted");
        Button open = new Button(Texts.get("menu.openProject"));
        open.setId("openProjectButton");
        open.setAccessibleText(Texts.get("menu.openProject"));
        open.setOnAction(e -> vm.projects().open());

        Runnable fill = () -> {
            list.getChildren().clear();
            for (Path p : vm.projects().recent()) {
                list.getChildren().add(entry(vm, p));
            }
            if (list.getChildren().isEmpty()) {
                list.getChildren().add(none);
            }
        };
        vm.projects().recent().addListener((javafx.collections.ListChangeListener<Path>) c -> fill.run());
        fill.run();
        getChildren().addAll(title, list, open);

        visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.project().media()));
        managedProperty().bind(visibleProperty());
    }

    private static Button entry(MainViewModel vm, Path p) {
        String name = p.getFileName().toString();
        boolean unsaved = name.startsWith("unsaved-");
        String when;
        try {
            when = WHEN.format(Files.getLastModifiedTime(p).toInstant());
        } catch (java.io.IOException | RuntimeException e) {
            when = "";
        }
        Label label = new Label(unsaved ? Texts.get("start.unsaved") : name.replaceFirst("\\.backbeat$", ""));
        label.getStyleClass().add("recent-name");
        Label detail = new Label((unsaved ? "autosaved" : String.valueOf(p.getParent())) + (when.isEmpty() ? "" : " · " + when));
        detail.getStyleClass().add("muted");
        Button b = new Button(null, new VBox(2, label, detail));
        b.getStyleClass().addAll("flat", "recent-project");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.setOnAction(e -> vm.projects().open(p, false));
        return b;
    }
}
