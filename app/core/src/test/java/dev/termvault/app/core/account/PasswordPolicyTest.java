package dev.termvault.app.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.app.core.CoreException;
import dev.termvault.vault.Vault;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one master-password rule both front ends apply. */
class PasswordPolicyTest {

    private static final String STRONG = "correct horse Battery 9";

    @TempDir
    Path temp;

    @Test
    void problem_refusesShortAndEasyPasswords_acceptsAStrongOne() {
        assertThat(PasswordPolicy.problem("a")).contains(PasswordPolicy.TOO_SHORT);
        assertThat(PasswordPolicy.problem("password")).contains(PasswordPolicy.TOO_EASY);
        assertThat(PasswordPolicy.problem("aaaaaaaaaaaa")).contains(PasswordPolicy.TOO_EASY);
        assertThat(PasswordPolicy.problem(STRONG)).isEmpty();
        assertThat(PasswordPolicy.problem("tr0ub4dor&3x")).isEmpty();
    }

    @Test
    void score_growsWithLengthAndVariety() {
        assertThat(PasswordPolicy.score("abc")).isZero();
        assertThat(PasswordPolicy.score("aaaaaaaaaaaaaaaaaaaa")).isZero();
        assertThat(PasswordPolicy.score("abcdefgh")).isLessThan(PasswordPolicy.ACCEPTABLE);
        assertThat(PasswordPolicy.score(STRONG)).isEqualTo(4);
        assertThat(PasswordPolicy.score("tr0ub4dor&3x")).isGreaterThanOrEqualTo(PasswordPolicy.ACCEPTABLE);
        assertThat(PasswordPolicy.describe(PasswordPolicy.score(STRONG))).isEqualTo("Strong");
    }

    @Test
    void createLocal_weakPassword_isRefusedAsInvalidAndMakesNothing() {
        Path dir = temp.resolve("vault");
        for (String weak : new String[] {"a", "password"}) {
            char[] password = weak.toCharArray();
            assertThatThrownBy(() -> AccountSetup.createLocal(dir, password))
                    .isInstanceOfSatisfying(CoreException.Invalid.class, e -> assertThat(e.fieldErrors())
                            .containsEntry(PasswordPolicy.FIELD, e.getMessage()));
            assertThat(password).as("wiped").containsOnly('\0');
            assertThat(dir).doesNotExist();
        }
        try (Vault vault = AccountSetup.createLocal(dir, STRONG.toCharArray()).vault()) {
            assertThat(vault.isUnlocked()).isTrue();
        }
    }

    @Test
    void change_toAWeakPassword_isRefusedAndTheOldOneStillOpens() {
        Path dir = temp.resolve("vault");
        AccountSetup.createLocal(dir, STRONG.toCharArray()).vault().close();
        try (Vault vault = Vault.open(dir)) {
            MasterPassword passwords = new MasterPassword(vault, "test device");
            assertThatThrownBy(() -> passwords.change(STRONG.toCharArray(), "password".toCharArray()))
                    .isInstanceOf(CoreException.Invalid.class).hasMessage(PasswordPolicy.TOO_EASY);
            assertThat(passwords.change(STRONG.toCharArray(), "a different Passphrase 7".toCharArray()))
                    .isEqualTo(MasterPassword.Changed.ON_THIS_DEVICE);
        }
        try (Vault vault = Vault.open(dir)) {
            vault.unlock("a different Passphrase 7".toCharArray());
            assertThat(vault.isUnlocked()).isTrue();
        }
    }
}
