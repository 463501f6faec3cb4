package dev.backbeat.ui.timeline;

import dev.backbeat.ui.Texts;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The variation cards side by side, over the bottom of the picture: style, tempo and key, a mini waveform, Listen, Use this. */
public final class VariationsView extends VBox {
    private final VariationsViewModel vm;
    private final HBox cards = new HBox(10);

    public VariationsView(VariationsViewModel vm) {
        this.vm = vm;
        setId("variationsSheet");
        getStyleClass().add("variations-sheet");
        setSpacing(8);
        setMaxHeight(Region.USE_PREF_SIZE);
        setMaxWidth(Region.USE_PREF_SIZE);

        Label header = new Label(Texts.get("variations.header"));
        header.getStyleClass().add("pane-header");
        Label status = new Label();
        status.setId("variationsStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.busyProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("✕");
        close.setId("variationsClose");
        close.setAccessibleText(Texts.get("variations.close.a11y"));
        close.getStyleClass().add("flat");
        close.setOnAction(e -> vm.close());
        HBox top = new HBox(8, header, spinner, status, spacer, close);
        top.setAlignment(Pos.CENTER_LEFT);

        cards.setId("variationCards");
        vm.cards().addListener((ListChangeListener<VariationsViewModel.Card>) c -> showCards());
        vm.auditioningProperty().addListener((o, a, b) -> showCards());
        getChildren().addAll(top, cards);
        visibleProperty().bind(vm.openProperty());
        managedProperty().bind(visibleProperty());
    }

    private void showCards() {
        cards.getChildren().clear();
        for (VariationsViewModel.Card c : vm.cards()) {
            cards.getChildren().add(card(c));
        }
    }

    private VBox card(VariationsViewModel.Card c) {
        Label style = new Label(c.style());
        style.getStyleClass().add("variation-style");
        Label details = new Label(c.details());
        details.getStyleClass().add("muted");
        MiniWaveform wave = new MiniWaveform(c.outline(), c.variation().preview().durationSec());
        boolean heard = c.variation().id().equals(vm.auditioningProperty().get());
        Button listen = new Button(heard ? Texts.get("variations.stop") : Texts.get("variations.listen"));
        listen.getStyleClass().add("variation-listen");
        listen.setAccessibleText(listen.getText() + " " + c.style());
        listen.setOnAction(e -> vm.listen(c));
        Button use = new Button(Texts.get("variations.use"));
        use.getStyleClass().addAll("accent", "variation-use");
        use.setOnAction(e -> vm.use(c));
        use.disableProperty().bind(vm.busyProperty());
        VBox card = new VBox(4, style, details, wave, new HBox(6, listen, use));
        card.getStyleClass().add("variation-card");
        if (heard) {
            card.getStyleClass().add("auditioning");
        }
        return card;
    }
}
