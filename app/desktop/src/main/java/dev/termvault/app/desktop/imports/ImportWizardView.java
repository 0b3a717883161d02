package dev.termvault.app.desktop.imports;

import dev.termvault.app.desktop.common.Forms;
import atlantafx.base.theme.Styles;
import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.app.desktop.imports.ImportWizardViewModel.Action;
import dev.termvault.app.desktop.imports.ImportWizardViewModel.KeyFileChoice;
import dev.termvault.app.desktop.imports.ImportWizardViewModel.Row;
import dev.termvault.app.desktop.imports.ImportWizardViewModel.Step;
import dev.termvault.vault.Vault;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The import wizard as a sheet over the main window: choose, preview, import (progress and Cancel), summary.
 * Key file passphrases are asked inside the sheet; "Skip this key" goes on without it.
 */
public final class ImportWizardView {

    private final ImportWizardViewModel model;
    private final Runnable onClose;
    private final StackPane root = new StackPane();
    private final StackPane card = new StackPane();
    private final BorderPane page = new BorderPane();
    private final Label stepLabel = new Label();
    private final VBox passphraseSheet = new VBox(10);
    private final Label passphraseFile = new Label();
    private final PasswordField passphrase = new PasswordField();
    private CompletableFuture<char[]> pendingPassphrase;

    private ImportWizardView(ImportWizardViewModel.PassphraseAsker[] asker, Vault vault, TaskExecutor executor,
            Path home, Runnable onImported, Runnable onClose) {
        this.onClose = onClose;
        asker[0] = this::askPassphrase;
        this.model = new ImportWizardViewModel(vault, executor, Platform::runLater, home, asker[0], onImported);
        build();
    }

    /**
     * Builds the wizard for {@code vault}.
     *
     * @param onImported called after records were written
     * @param onClose    removes the sheet
     */
    public static ImportWizardView create(Vault vault, TaskExecutor executor, Path home, Runnable onImported,
            Runnable onClose) {
        return new ImportWizardView(new ImportWizardViewModel.PassphraseAsker[1], vault, executor, home, onImported,
                onClose);
    }

    public Parent root() {
        return root;
    }

    public ImportWizardViewModel model() {
        return model;
    }

    private void build() {
        root.setId("importWizard");
        root.setStyle("-fx-background-color: rgba(0,0,0,0.35);");
        root.setPadding(new Insets(24));
        Label title = new Label("Import from OpenSSH", new FontIcon(Material2AL.GET_APP));
        title.getStyleClass().add(Styles.TITLE_3);
        stepLabel.getStyleClass().addAll(Styles.TEXT_MUTED);
        stepLabel.setId("importStep");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, title, grow, stepLabel);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 12, 0));
        page.setTop(header);
        buildPassphraseSheet();
        card.getChildren().addAll(page, passphraseSheet);
        card.setMaxSize(780, 580);
        card.setPadding(new Insets(20, 24, 20, 24));
        card.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-border-radius: 8; -fx-background-radius: 8;");
        root.getChildren().add(card);
        model.stepProperty().addListener((obs, old, now) -> show(now));
        show(model.stepProperty().get());
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !model.busyProperty().get()) {
                onClose.run();
            }
        });
    }

    private void show(Step step) {
        stepLabel.setText(switch (step) {
            case CHOOSE -> "Step 1 of 3: choose files";
            case PREVIEW -> "Step 2 of 3: check what happens";
            case RUNNING -> "Importing...";
            case SUMMARY -> "Step 3 of 3: done";
        });
        switch (step) {
            case CHOOSE -> choosePage();
            case PREVIEW -> tablePage(true);
            case RUNNING -> runningPage();
            case SUMMARY -> tablePage(false);
        }
    }

    private void choosePage() {
        CheckBox useConfig = new CheckBox("Hosts from an ssh_config file");
        useConfig.setId("importUseConfig");
        useConfig.setMnemonicParsing(false);
        useConfig.selectedProperty().bindBidirectional(model.useConfigProperty());
        TextField config = pathField("importConfigPath", model.configPathProperty().get());
        config.textProperty().bindBidirectional(model.configPathProperty());
        config.disableProperty().bind(useConfig.selectedProperty().not());

        CheckBox useKnown = new CheckBox("Host keys from a known_hosts file");
        useKnown.setId("importUseKnownHosts");
        useKnown.setMnemonicParsing(false);
        useKnown.selectedProperty().bindBidirectional(model.useKnownHostsProperty());
        TextField known = pathField("importKnownHostsPath", model.knownHostsPathProperty().get());
        known.textProperty().bindBidirectional(model.knownHostsPathProperty());
        known.disableProperty().bind(useKnown.selectedProperty().not());

        GridPane files = new GridPane();
        files.setHgap(10);
        files.setVgap(6);
        files.add(useConfig, 0, 0, 2, 1);
        files.add(config, 0, 1);
        files.add(browse(config, "Choose an ssh_config file"), 1, 1);
        files.add(useKnown, 0, 2, 2, 1);
        files.add(known, 0, 3);
        files.add(browse(known, "Choose a known_hosts file"), 1, 3);
        GridPane.setHgrow(config, Priority.ALWAYS);
        GridPane.setHgrow(known, Priority.ALWAYS);
        GridPane.setMargin(useKnown, new Insets(8, 0, 0, 0));

        VBox keys = new VBox(4);
        keys.setId("importKeyFiles");
        Runnable fill = () -> {
            keys.getChildren().clear();
            for (KeyFileChoice choice : model.keyFiles()) {
                CheckBox box = new CheckBox(model.display(choice.path()));
                box.setMnemonicParsing(false);
                box.selectedProperty().bindBidirectional(choice.selectedProperty());
                keys.getChildren().add(box);
            }
            if (model.keyFiles().isEmpty()) {
                keys.getChildren().add(Forms.hint("No id_* key files in ~/.ssh."));
            }
        };
        fill.run();
        model.keyFiles().addListener((ListChangeListener<KeyFileChoice>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    fill.run();
                    return;
                }
            }
        });
        Button addKey = new Button("Add key file...", new FontIcon(Material2AL.ADD));
        addKey.setId("importAddKey");
        addKey.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose a private key file");
            File file = chooser.showOpenDialog(root.getScene().getWindow());
            if (file != null) {
                model.addKeyFile(file.toPath());
            }
        });
        Label keysTitle = new Label("Private key files");
        keysTitle.getStyleClass().add(Styles.TEXT_BOLD);
        ScrollPane keyScroll = new ScrollPane(keys);
        keyScroll.setFitToWidth(true);
        keyScroll.setPrefHeight(110);
        Label error = Forms.message(model.errorProperty(), Styles.DANGER);
        error.setId("importError");

        VBox content = new VBox(10, Forms.hint("Choose what to bring in. The next step shows what would be added and"
                + " what skipped; nothing is written before you press Import. Hosts already in the vault (same"
                + " label) and keys already there are left as they are."), files, keysTitle, keyScroll, addKey,
                error);
        page.setCenter(content);

        Button close = new Button("Close");
        close.setId("importClose");
        close.setCancelButton(true);
        close.setOnAction(e -> onClose.run());
        Button next = new Button("Preview", new FontIcon(Material2AL.ARROW_FORWARD));
        next.setId("importPreview");
        next.setDefaultButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        next.disableProperty().bind(model.canPreviewProperty().not());
        next.setOnAction(e -> model.preview());
        page.setBottom(footer(close, next));
    }

    private TextField pathField(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        return field;
    }

    private Button browse(TextField target, String title) {
        Button button = new Button(null, new FontIcon(Material2MZ.MORE_HORIZ));
        button.getStyleClass().add(Styles.BUTTON_ICON);
        button.disableProperty().bind(target.disableProperty());
        button.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            String text = target.getText().strip();
            File current = new File(text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text);
            if (current.getParentFile() != null && current.getParentFile().isDirectory()) {
                chooser.setInitialDirectory(current.getParentFile());
            }
            File file = chooser.showOpenDialog(root.getScene().getWindow());
            if (file != null) {
                target.setText(file.getPath());
            }
        });
        return button;
    }

    private void tablePage(boolean preview) {
        Label headline = new Label();
        headline.setId("importHeadline");
        headline.textProperty().bind(model.headlineProperty());
        headline.setWrapText(true);
        headline.getStyleClass().add(Styles.TEXT_BOLD);
        TableView<Row> table = new TableView<>(model.rows());
        table.setId("importRows");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nothing to show."));
        TableColumn<Row, Action> action = new TableColumn<>();
        action.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().action()));
        action.setCellFactory(c -> new ActionCell(preview));
        action.setPrefWidth(90);
        action.setMaxWidth(110);
        action.setSortable(false);
        TableColumn<Row, String> kind = column("What", Row::kind, 90);
        kind.setMaxWidth(120);
        TableColumn<Row, String> subject = column("Name", Row::subject, 200);
        TableColumn<Row, String> detail = column(preview ? "What happens" : "Details", Row::detail, 300);
        table.getColumns().setAll(java.util.List.of(action, kind, subject, detail));
        VBox.setVgrow(table, Priority.ALWAYS);
        page.setCenter(new VBox(10, headline, table));

        if (preview) {
            Button back = new Button("Back", new FontIcon(Material2AL.ARROW_BACK));
            back.setId("importBack");
            back.setOnAction(e -> model.back());
            Button close = new Button("Close");
            close.setId("importClose");
            close.setCancelButton(true);
            close.setOnAction(e -> onClose.run());
            Button run = new Button("Import", new FontIcon(Material2AL.GET_APP));
            run.setId("importRun");
            run.setDefaultButton(true);
            run.getStyleClass().add(Styles.ACCENT);
            run.setDisable(model.rows().stream().noneMatch(r -> r.action() == Action.ADD));
            run.setOnAction(e -> model.run());
            page.setBottom(footer(back, close, run));
        } else {
            Button done = new Button("Done", new FontIcon(Material2AL.CHECK));
            done.setId("importDone");
            done.setDefaultButton(true);
            done.setCancelButton(true);
            done.getStyleClass().add(Styles.ACCENT);
            done.setOnAction(e -> onClose.run());
            page.setBottom(footer(done));
        }
    }

    private static TableColumn<Row, String> column(String name, java.util.function.Function<Row, String> value,
            double width) {
        TableColumn<Row, String> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        column.setPrefWidth(width);
        return column;
    }

    private void runningPage() {
        ProgressBar bar = new ProgressBar();
        bar.setId("importProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label text = new Label();
        text.setId("importProgressText");
        text.textProperty().bind(model.progressTextProperty());
        VBox content = new VBox(12, bar, text, Forms.hint("Cancel stops before the next file or record: what is"
                + " already written stays whole, and the summary lists it."));
        content.setAlignment(Pos.CENTER_LEFT);
        content.setPadding(new Insets(40, 0, 0, 0));
        page.setCenter(content);
        Button cancel = new Button("Cancel", new FontIcon(Material2MZ.STOP));
        cancel.setId("importCancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.cancelRequestedProperty());
        cancel.setOnAction(e -> model.cancel());
        page.setBottom(footer(cancel));
    }

    private static HBox footer(Node... buttons) {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox box = new HBox(10);
        box.getChildren().add(grow);
        box.getChildren().addAll(buttons);
        box.setPadding(new Insets(14, 0, 0, 0));
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }

    // ---- passphrases ----

    private void buildPassphraseSheet() {
        passphraseSheet.setId("importPassphraseSheet");
        passphraseSheet.setVisible(false);
        passphraseSheet.setMaxSize(460, Region.USE_PREF_SIZE);
        passphraseSheet.setPadding(new Insets(20));
        passphraseSheet.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-accent-emphasis;"
                + " -fx-border-radius: 8; -fx-background-radius: 8; -fx-effect: dropshadow(gaussian,"
                + " rgba(0,0,0,0.3), 16, 0, 0, 4);");
        Label title = new Label("This key file has a passphrase", new FontIcon(Material2MZ.VPN_KEY));
        title.getStyleClass().add(Styles.TITLE_4);
        passphraseFile.setWrapText(true);
        passphraseFile.getStyleClass().add(Styles.TEXT_MUTED);
        passphrase.setId("importPassphrase");
        passphrase.setPromptText("Passphrase");
        Button skip = new Button("Skip this key");
        skip.setId("importPassphraseSkip");
        skip.setOnAction(e -> answer(null));
        Button ok = new Button("Unlock key");
        ok.setId("importPassphraseOk");
        ok.getStyleClass().add(Styles.ACCENT);
        ok.disableProperty().bind(passphrase.textProperty().isEmpty());
        ok.setOnAction(e -> answer(passphrase.getText().toCharArray()));
        passphrase.setOnAction(e -> {
            if (!passphrase.getText().isEmpty()) {
                answer(passphrase.getText().toCharArray());
            }
        });
        passphraseSheet.getChildren().addAll(title, passphraseFile, passphrase,
                Forms.hint("Skipping imports the rest; a host that uses this key is imported without it."),
                footer(skip, ok));
        StackPane.setAlignment(passphraseSheet, Pos.CENTER);
    }

    /** Called on the worker thread: shows the question and waits for the answer. */
    private char[] askPassphrase(String keyFile) {
        CompletableFuture<char[]> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            pendingPassphrase = answer;
            passphraseFile.setText(keyFile);
            passphrase.clear();
            passphraseSheet.setVisible(true);
            page.setDisable(true);
            passphrase.requestFocus();
        });
        return answer.join();
    }

    private void answer(char[] value) {
        CompletableFuture<char[]> pending = pendingPassphrase;
        pendingPassphrase = null;
        passphrase.clear();
        passphraseSheet.setVisible(false);
        page.setDisable(false);
        if (pending != null) {
            pending.complete(value);
        }
    }

    /** Answers a pending passphrase question with "skip" (when the sheet goes away). */
    public void dispose() {
        if (pendingPassphrase != null) {
            answer(null);
        }
    }

    private static final class ActionCell extends TableCell<Row, Action> {
        private final boolean preview;

        ActionCell(boolean preview) {
            this.preview = preview;
        }

        @Override
        protected void updateItem(Action action, boolean empty) {
            super.updateItem(action, empty);
            getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.ACCENT);
            if (empty || action == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            FontIcon icon = switch (action) {
                case ADD -> new FontIcon(Material2AL.ADD_CIRCLE_OUTLINE);
                case SKIP -> new FontIcon(Material2AL.BLOCK);
                case NOTE -> new FontIcon(Material2AL.INFO);
            };
            String style = switch (action) {
                case ADD -> Styles.SUCCESS;
                case SKIP -> Styles.WARNING;
                case NOTE -> Styles.ACCENT;
            };
            icon.getStyleClass().add(style);
            getStyleClass().add(style);
            setGraphic(icon);
            setText(switch (action) {
                case ADD -> preview ? "Add" : "Added";
                case SKIP -> preview ? "Skip" : "Skipped";
                case NOTE -> "Note";
            });
        }
    }
}
