package dev.termvault.app.desktop.imports;

import atlantafx.base.theme.Styles;
import dev.termvault.app.core.imports.ImportRow;
import dev.termvault.app.core.imports.ImportRow.Action;
import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.app.desktop.common.Forms;
import dev.termvault.app.desktop.imports.ImportChoices.KeyFileChoice;
import dev.termvault.app.desktop.imports.ImportWizardViewModel.Step;
import dev.termvault.vault.Vault;
import java.io.File;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
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
 * Key file passphrases are asked inside the sheet ({@link PassphraseSheet}); "Skip this key" goes on without it.
 */
public final class ImportWizardView {

    private final ImportWizardViewModel model;
    private final ImportChoices choices;
    private final Runnable onClose;
    private final StackPane root = new StackPane();
    private final StackPane card = new StackPane();
    private final BorderPane page = new BorderPane();
    private final Label stepLabel = new Label();
    private final PassphraseSheet passphrases = new PassphraseSheet();

    private ImportWizardView(Vault vault, TaskExecutor executor, Path home, Runnable onImported, Runnable onClose) {
        this.onClose = onClose;
        this.model = new ImportWizardViewModel(vault, executor, Platform::runLater, home, passphrases, onImported);
        this.choices = model.choices();
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
        return new ImportWizardView(vault, executor, home, onImported, onClose);
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
        card.getChildren().addAll(page, passphrases.node(page));
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
        Label keysTitle = new Label("Private key files");
        keysTitle.getStyleClass().add(Styles.TEXT_BOLD);
        ScrollPane keyScroll = new ScrollPane(keyFileBoxes());
        keyScroll.setFitToWidth(true);
        keyScroll.setPrefHeight(110);
        Button addKey = new Button("Add key file...", new FontIcon(Material2AL.ADD));
        addKey.setId("importAddKey");
        addKey.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose a private key file");
            File file = chooser.showOpenDialog(root.getScene().getWindow());
            if (file != null) {
                choices.addKeyFile(file.toPath());
            }
        });
        Label error = Forms.message(model.errorProperty(), Styles.DANGER);
        error.setId("importError");
        page.setCenter(new VBox(10, Forms.hint("Choose what to bring in. The next step shows what would be added,"
                + " kept and skipped; nothing is written before you press Import. Hosts already in the vault (same"
                + " label) and keys already there are left as they are."), fileChoices(), keysTitle, keyScroll,
                addKey, error));

        Button next = new Button("Preview", new FontIcon(Material2AL.ARROW_FORWARD));
        next.setId("importPreview");
        next.setDefaultButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        next.disableProperty().bind(model.canPreviewProperty().not());
        next.setOnAction(e -> model.preview());
        page.setBottom(footer(closeButton(), next));
    }

    /** The ssh_config and known_hosts check boxes and paths. */
    private GridPane fileChoices() {
        GridPane files = new GridPane();
        files.setHgap(10);
        files.setVgap(6);
        fileChoice(files, 0, "importUseConfig", "Hosts from an ssh_config file", choices.useConfigProperty(),
                "importConfigPath", choices.configPathProperty(), "Choose an ssh_config file");
        CheckBox useKnown = fileChoice(files, 2, "importUseKnownHosts", "Host keys from a known_hosts file",
                choices.useKnownHostsProperty(), "importKnownHostsPath", choices.knownHostsPathProperty(),
                "Choose a known_hosts file");
        GridPane.setMargin(useKnown, new Insets(8, 0, 0, 0));
        return files;
    }

    private CheckBox fileChoice(GridPane grid, int row, String boxId, String text,
            BooleanProperty use, String pathId, StringProperty path,
            String chooserTitle) {
        CheckBox box = new CheckBox(text);
        box.setId(boxId);
        box.setMnemonicParsing(false);
        box.selectedProperty().bindBidirectional(use);
        TextField field = pathField(pathId, path.get());
        field.textProperty().bindBidirectional(path);
        field.disableProperty().bind(box.selectedProperty().not());
        grid.add(box, 0, row, 2, 1);
        grid.add(field, 0, row + 1);
        grid.add(browse(field, chooserTitle), 1, row + 1);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    /** One check box per offered key file, kept up to date as files are added. */
    private VBox keyFileBoxes() {
        VBox keys = new VBox(4);
        keys.setId("importKeyFiles");
        Runnable fill = () -> {
            keys.getChildren().clear();
            for (KeyFileChoice choice : choices.keyFiles()) {
                CheckBox box = new CheckBox(choices.display(choice.path()));
                box.setMnemonicParsing(false);
                box.selectedProperty().bindBidirectional(choice.selectedProperty());
                keys.getChildren().add(box);
            }
            if (choices.keyFiles().isEmpty()) {
                keys.getChildren().add(Forms.hint("No id_* key files in ~/.ssh."));
            }
        };
        fill.run();
        choices.keyFiles().addListener((ListChangeListener<KeyFileChoice>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    fill.run();
                    return;
                }
            }
        });
        return keys;
    }

    private Button closeButton() {
        Button close = new Button("Close");
        close.setId("importClose");
        close.setCancelButton(true);
        close.setOnAction(e -> onClose.run());
        return close;
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
        TableView<ImportRow> table = rowTable(preview);
        VBox.setVgrow(table, Priority.ALWAYS);
        page.setCenter(new VBox(10, headline, table));
        if (preview) {
            Button back = new Button("Back", new FontIcon(Material2AL.ARROW_BACK));
            back.setId("importBack");
            back.setOnAction(e -> model.back());
            Button run = new Button("Import", new FontIcon(Material2AL.GET_APP));
            run.setId("importRun");
            run.setDefaultButton(true);
            run.getStyleClass().add(Styles.ACCENT);
            run.disableProperty().bind(model.canRunProperty().not());
            run.setOnAction(e -> model.run());
            page.setBottom(footer(back, closeButton(), run));
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

    /** The rows: what happens (or happened), what kind of thing, which one, and the reason in words. */
    private TableView<ImportRow> rowTable(boolean preview) {
        TableView<ImportRow> table = new TableView<>(model.rows());
        table.setId("importRows");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nothing to show."));
        TableColumn<ImportRow, Action> action = new TableColumn<>();
        action.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().action()));
        action.setCellFactory(c -> new ActionCell(preview));
        action.setPrefWidth(90);
        action.setMaxWidth(110);
        action.setSortable(false);
        TableColumn<ImportRow, String> kind = column("What", row -> kindName(row.kind()), 90);
        kind.setMaxWidth(120);
        TableColumn<ImportRow, String> subject = column("Name", row -> choices.display(row.reference()), 200);
        TableColumn<ImportRow, String> detail = column(preview ? "What happens" : "Details", ImportRow::message, 300);
        table.getColumns().setAll(java.util.List.of(action, kind, subject, detail));
        return table;
    }

    private static String kindName(ImportRow.Kind kind) {
        return switch (kind) {
            case HOST -> "Host";
            case KEY -> "Key";
            case KNOWN_HOST -> "Known host";
            case CONFIG -> "ssh_config";
        };
    }

    private static TableColumn<ImportRow, String> column(String name,
            java.util.function.Function<ImportRow, String> value, double width) {
        TableColumn<ImportRow, String> column = new TableColumn<>(name);
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

    /** Answers a pending passphrase question with "skip" (when the sheet goes away). */
    public void dispose() {
        passphrases.dispose();
    }
}
