package dev.backbeat.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop app. */
public class BackbeatApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Backbeat"), 1280, 800));
        stage.setTitle("Backbeat");
        stage.show();
    }
}
