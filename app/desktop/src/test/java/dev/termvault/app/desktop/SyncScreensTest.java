package dev.termvault.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.app.core.EmergencyKit;
import dev.termvault.app.desktop.account.AccountSetupViewModel;
import dev.termvault.app.desktop.account.AccountPane;
import dev.termvault.app.desktop.account.AccountSetupView;
import java.nio.file.Path;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The account screens in the states the flow test passes through too quickly to look at: linking a local vault
 * from the Account section, the first sync's progress with Cancel, and the Emergency Kit after creating an
 * account; light and dark. No vault and no server: the views only show their view model's state.
 */
@ExtendWith(ApplicationExtension.class)
class SyncScreensTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1000, 640));
        stage.show();
    }

    @AfterEach
    void lightAgain() {
        WaitForAsyncUtils.asyncFx(Theme.LIGHT::apply);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void linkForm_progressWithCancel_andEmergencyKit_showTheirState(FxRobot robot) {
        TaskExecutor never = new CurrentThreadTaskExecutor();
        AccountSetupViewModel attach = new AccountSetupViewModel(AccountSetupViewModel.Mode.ATTACH, Path.of("vault"),
                null, never, Runnable::run, r -> { });
        attach.serverUrlProperty().set("https://sync.example.org:8443");
        AccountPane pane = new AccountPane();
        robot.interact(() -> {
            pane.showLinkForm(new AccountSetupView(attach, null, false));
            show(pane.root());
        });
        assertThat(robot.lookup("#checkServer").queryButton().isVisible()).isTrue();
        shot(robot, "sync-account-link");

        AccountSetupViewModel signIn = new AccountSetupViewModel(AccountSetupViewModel.Mode.SIGN_IN, Path.of("vault"),
                null, never, Runnable::run, r -> { });
        robot.interact(() -> {
            show(new AccountSetupView(signIn, () -> { }, true).root());
            signIn.stepProperty().set(AccountSetupViewModel.Step.WORKING);
            signIn.progressProperty().set(0.42);
            signIn.progressTextProperty().set("Bringing the vault to this device: 42%");
        });
        assertThat(robot.lookup("#cancelSetup").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#syncProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(0.42);
        robot.interact(Theme.DARK::apply);
        shot(robot, "sync-sign-in-progress-dark");
        robot.interact(Theme.LIGHT::apply);

        AccountSetupViewModel create = new AccountSetupViewModel(AccountSetupViewModel.Mode.CREATE_ACCOUNT,
                Path.of("/home/ada/.local/share/termvault"), null, never, Runnable::run, r -> { });
        robot.interact(() -> {
            show(new AccountSetupView(create, () -> { }, true).root());
            create.emergencyKitProperty().set(new EmergencyKit(Path.of("/home/ada/.local/share/termvault"),
                    "TV1-EXAM-PLE0-0000-0000-0000-0000-0000"));
            create.stepProperty().set(AccountSetupViewModel.Step.EMERGENCY_KIT);
        });
        assertThat(robot.lookup("#accountEmergencyKit").queryTextInputControl().getText())
                .contains("TV1-EXAM-PLE0");
        assertThat(robot.lookup("#cancelSetup").queryButton().isVisible()).as("no cancel for a new account")
                .isFalse();
        shot(robot, "sync-create-account-kit");
    }

    private void show(Parent root) {
        stage.getScene().setRoot(root);
    }

    private void shot(FxRobot robot, String name) {
        String folder = System.getProperty("termvault.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.write(stage.getScene().getRoot(), Path.of(folder).resolve(name + ".png")));
    }
}
