package dev.termvault.app.desktop.terminal;

import dev.termvault.app.desktop.common.Forms;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The SSH engine's questions as dialogs. The engine asks from a network thread and blocks there; the dialog
 * is shown on the JavaFX thread and its answer handed back. A changed host key gets an unmistakable warning
 * whose safe answer (Refuse) is the default: Enter refuses, and accepting needs a deliberate tick first.
 */
public final class DialogSshPrompt implements CancellablePrompt {

    static final String ACCENT = "#0969da";
    static final String DANGER = "#cf222e";

    private final Supplier<Window> owner;
    private final Set<Pending<?>> pending = new HashSet<>();
    private boolean withdrawn;

    /** @param owner the window the dialogs belong to (may supply null before the window exists) */
    public DialogSshPrompt(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean acceptNewHostKey(HostKeyQuestion question) {
        return ask(() -> newHostKeyDialog(question), false);
    }

    @Override
    public boolean acceptChangedHostKey(HostKeyQuestion question) {
        return ask(() -> changedHostKeyDialog(question), false);
    }

    @Override
    public Optional<char[]> password(String user, String host) {
        String answer = ask(() -> passwordDialog(user, host), null);
        return answer == null ? Optional.empty() : Optional.of(answer.toCharArray());
    }

    @Override
    public Optional<List<String>> keyboardInteractive(String host, String name, String instruction,
            List<KeyboardPrompt> prompts) {
        return Optional.ofNullable(ask(() -> keyboardInteractiveDialog(host, name, instruction, prompts), null));
    }

    @Override
    public void withdraw() {
        List<Pending<?>> open;
        synchronized (pending) {
            withdrawn = true;
            open = new ArrayList<>(pending);
            pending.clear();
        }
        open.forEach(Pending::refuse);
    }

    @Override
    public void resume() {
        synchronized (pending) {
            withdrawn = false;
        }
    }

    /** Shows the dialog on the JavaFX thread and waits for the answer; {@code refused} when closed or withdrawn. */
    private <T> T ask(Supplier<Dialog<T>> make, T refused) {
        if (Platform.isFxApplicationThread()) {
            return make.get().showAndWait().orElse(refused);
        }
        Pending<T> question = new Pending<>(refused);
        synchronized (pending) {
            if (withdrawn) {
                return refused;
            }
            pending.add(question);
        }
        Platform.runLater(() -> question.show(make));
        try {
            return question.answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            question.refuse();
            return refused;
        } catch (ExecutionException e) {
            return refused;
        } finally {
            synchronized (pending) {
                pending.remove(question);
            }
        }
    }

    /** One question on screen (or about to be). */
    private static final class Pending<T> {
        private final T refused;
        private final CompletableFuture<T> answer = new CompletableFuture<>();
        private Dialog<T> dialog;

        Pending(T refused) {
            this.refused = refused;
        }

        void show(Supplier<Dialog<T>> make) {
            if (answer.isDone()) {
                return;
            }
            dialog = make.get();
            dialog.setOnHidden(e -> {
                T result = dialog.getResult();
                answer.complete(result == null ? refused : result);
            });
            dialog.show();
        }

        void refuse() {
            answer.complete(refused);
            Platform.runLater(() -> {
                if (dialog != null && dialog.isShowing()) {
                    dialog.setResult(refused);
                    dialog.close();
                }
            });
        }
    }

    // ---- the dialogs; package-visible so they can be rendered on their own ----

    static final ButtonType ACCEPT_NEW = new ButtonType("Trust and connect", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType REFUSE = new ButtonType("Refuse", ButtonBar.ButtonData.CANCEL_CLOSE);
    static final ButtonType REPLACE = new ButtonType("Replace key and connect", ButtonBar.ButtonData.OTHER);

    Dialog<Boolean> newHostKeyDialog(HostKeyQuestion question) {
        Dialog<Boolean> dialog = dialog("New host key", "hostKeyDialog");
        Label heading = Forms.title("Is this the right server?");
        Label intro = wrapped("Termvault has not connected to " + question.endpoint() + " before. Compare the"
                + " fingerprint with the one the server's administrator gave you, then trust the key. It is"
                + " stored in your vault and checked on every connection.");
        GridPane facts = facts(
                "Host", question.endpoint(),
                "Key type", question.keyType(),
                "Fingerprint", question.fingerprint());
        VBox content = new VBox(14, new HBox(10, icon(new FontIcon(Material2MZ.VERIFIED_USER), ACCENT),
                heading), intro, facts);
        content.setPrefWidth(640);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(REFUSE, ACCEPT_NEW);
        button(dialog, ACCEPT_NEW, "acceptHostKey").setDefaultButton(true);
        button(dialog, REFUSE, "refuseHostKey");
        dialog.setResultConverter(type -> type == ACCEPT_NEW);
        return dialog;
    }

    Dialog<Boolean> changedHostKeyDialog(HostKeyQuestion question) {
        Dialog<Boolean> dialog = dialog("WARNING: the host key has changed", "hostKeyChangedDialog");
        dialog.getDialogPane().getStyleClass().add("host-key-changed");
        Label heading = new Label("The host key has changed");
        heading.getStyleClass().addAll(Styles.TITLE_3, Styles.DANGER);
        Label intro = wrapped(question.endpoint() + " presented a different key than the one in your vault."
                + " Someone could be intercepting this connection (a man-in-the-middle attack), or the server"
                + " was reinstalled or its key replaced. Do not connect unless you know why the key changed.");
        GridPane facts = facts(changedKeyFacts(question));
        CheckBox understood = new CheckBox("I know why this key changed and have checked the new fingerprint");
        understood.setId("understandChangedKey");
        understood.setWrapText(true);
        VBox banner = new VBox(10, new HBox(10, icon(new FontIcon(Material2MZ.WARNING), DANGER), heading),
                intro);
        banner.setPadding(new Insets(14));
        banner.setStyle("-fx-background-color: -color-danger-subtle; -fx-border-color: -color-danger-emphasis;"
                + " -fx-border-width: 0 0 0 4; -fx-background-radius: 4;");
        VBox content = new VBox(14, banner, facts, understood);
        content.setPrefWidth(680);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(REPLACE, REFUSE);
        Button replace = button(dialog, REPLACE, "replaceHostKey");
        replace.getStyleClass().add(Styles.DANGER);
        replace.setDefaultButton(false);
        replace.disableProperty().bind(understood.selectedProperty().not());
        Button refuse = button(dialog, REFUSE, "refuseChangedHostKey");
        refuse.setDefaultButton(true);
        refuse.getStyleClass().add(Styles.ACCENT);
        dialog.setOnShown(e -> refuse.requestFocus());
        dialog.setResultConverter(type -> type == REPLACE && understood.isSelected());
        return dialog;
    }

    /** Host, every key on record (one row each, with its type), the key presented and its type. */
    private static String[] changedKeyFacts(HostKeyQuestion question) {
        List<String> facts = new ArrayList<>(List.of("Host", question.endpoint()));
        for (RecordedKey recorded : question.recordedKeys()) {
            facts.addAll(List.of("Key on record (" + recorded.keyType() + ")", recorded.fingerprint()));
        }
        facts.addAll(List.of("Key presented", question.fingerprint(), "Key type", question.typeChanged()
                ? question.keyType() + " (no key of this type is on record)" : question.keyType()));
        return facts.toArray(String[]::new);
    }

    Dialog<String> passwordDialog(String user, String host) {
        Dialog<String> dialog = dialog("Password", "passwordDialog");
        PasswordField field = new PasswordField();
        field.setId("sshPassword");
        field.setPromptText("Password");
        VBox content = new VBox(12, Forms.title("Log in to " + host),
                wrapped("The vault holds no password for " + user + "@" + host + ". It is used for this login"
                        + " only and not saved."), field);
        content.setPrefWidth(420);
        dialog.getDialogPane().setContent(content);
        ButtonType login = new ButtonType("Log in", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, login);
        button(dialog, login, "sshPasswordOk").setDefaultButton(true);
        dialog.setOnShown(e -> field.requestFocus());
        dialog.setResultConverter(type -> type == login ? field.getText() : null);
        return dialog;
    }

    Dialog<List<String>> keyboardInteractiveDialog(String host, String name, String instruction,
            List<KeyboardPrompt> prompts) {
        Dialog<List<String>> dialog = dialog("Login", "keyboardInteractiveDialog");
        VBox content = new VBox(12, Forms.title(name == null || name.isBlank() ? "Log in to " + host : name));
        if (instruction != null && !instruction.isBlank()) {
            content.getChildren().add(wrapped(instruction));
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        List<TextInputControl> fields = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            KeyboardPrompt prompt = prompts.get(i);
            TextInputControl field = prompt.echo() ? new TextField() : new PasswordField();
            field.setId("kbdAnswer" + i);
            GridPane.setHgrow(field, Priority.ALWAYS);
            grid.addRow(i, new Label(prompt.text().strip()), field);
            fields.add(field);
        }
        content.getChildren().add(grid);
        content.setPrefWidth(440);
        dialog.getDialogPane().setContent(content);
        ButtonType send = new ButtonType("Continue", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, send);
        button(dialog, send, "kbdOk").setDefaultButton(true);
        if (!fields.isEmpty()) {
            dialog.setOnShown(e -> fields.get(0).requestFocus());
        }
        dialog.setResultConverter(type -> type == send
                ? fields.stream().map(TextInputControl::getText).toList() : null);
        return dialog;
    }

    private <T> Dialog<T> dialog(String title, String id) {
        Dialog<T> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().setPadding(new Insets(8));
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        return dialog;
    }

    private static Button button(Dialog<?> dialog, ButtonType type, String id) {
        Button button = (Button) dialog.getDialogPane().lookupButton(type);
        button.setId(id);
        return button;
    }

    private static Node icon(FontIcon icon, String color) {
        icon.setStyle(icon.getStyle() + "; -fx-icon-size: 28px; -fx-icon-color: " + color + ";");
        return icon;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        return label;
    }

    private static GridPane facts(String... namesAndValues) {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(8);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Label name = new Label(namesAndValues[i]);
            name.getStyleClass().add(Styles.TEXT_MUTED);
            name.setMinWidth(Region.USE_PREF_SIZE);
            TextField value = new TextField(namesAndValues[i + 1]);
            value.setEditable(false);
            value.setFocusTraversable(false);
            value.getStyleClass().add("monospace");
            value.setStyle("-fx-font-family: monospace;");
            value.setPrefColumnCount(52);
            GridPane.setHgrow(value, Priority.ALWAYS);
            grid.addRow(i / 2, name, value);
        }
        return grid;
    }
}
