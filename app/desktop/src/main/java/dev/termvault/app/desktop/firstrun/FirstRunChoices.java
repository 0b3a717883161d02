package dev.termvault.app.desktop.firstrun;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The first-run screen with the two other ways in below it: create an account, or sign in on a new device. */
public final class FirstRunChoices {

    private FirstRunChoices() {
    }

    /** {@code localVault} (the create-a-local-vault screen) with the account choices along the bottom. */
    public static Parent around(Parent localVault, Runnable createAccount, Runnable signIn) {
        Label or = new Label("Or sync across devices:");
        or.getStyleClass().add(Styles.TEXT_MUTED);
        Button create = new Button("Create an account on a server", new FontIcon(Material2AL.CLOUD_UPLOAD));
        create.setId("chooseCreateAccount");
        create.setOnAction(e -> createAccount.run());
        Button join = new Button("Sign in on a new device", new FontIcon(Material2AL.LOGIN));
        join.setId("chooseSignIn");
        join.setOnAction(e -> signIn.run());
        HBox choices = new HBox(12, or, create, join);
        choices.setAlignment(Pos.CENTER);
        choices.setPadding(new Insets(12, 24, 20, 24));
        choices.setStyle("-fx-background-color: -color-bg-subtle;");
        BorderPane pane = new BorderPane(localVault);
        pane.setBottom(choices);
        return pane;
    }
}
