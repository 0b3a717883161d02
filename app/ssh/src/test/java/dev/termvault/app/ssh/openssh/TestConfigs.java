package dev.termvault.app.ssh.openssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A rich ssh_config tree (Include, wildcards, negation, %h, Key=Value, quotes, Host * defaults, jumps, forwards). */
final class TestConfigs {

    private TestConfigs() {
    }

    /** Writes the tree under {@code home} (as the home directory) and {@code elsewhere}; returns the config. */
    static Path write(Path home, Path elsewhere) throws IOException {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.createDirectories(ssh.resolve("conf.d"));
        Files.createDirectories(elsewhere);
        Path absolute = elsewhere.resolve("absolute.conf");
        Files.writeString(absolute, """
                Host abs-host
                    HostName abs.example.org
                    ServerAliveInterval 5
                """);
        Files.writeString(ssh.resolve("conf.d/10-quoted.conf"), """
                Host quoted
                    HostName "quoted.example.org"
                    User 'single quoted'
                    LocalForward "127.0.0.1:5432" "db.internal:5432"
                """);
        Files.writeString(ssh.resolve("conf.d/20-staging.conf"), """
                host Staging staging
                    HOSTNAME staging.example.com
                    proxyjump web
                    remoteforward [::1]:7000 [2001:db8::5]:22
                """);
        Files.writeString(ssh.resolve("conf.d/ignored.txt"), "Host not-included\n");
        Files.writeString(ssh.resolve("bastion-extra.conf"), """
                Port 2222
                DynamicForward 127.0.0.1:1081
                Host never-matches-here
                    User included-user
                """);
        Path config = ssh.resolve("config");
        Files.writeString(config, """
                # Termvault import test
                Include conf.d/*.conf
                Include %s
                IdentitiesOnly=yes

                Host web web-alias
                    HostName %%h.example.com
                    Port=2201
                    User "deploy user"
                    IdentityFile ~/.ssh/id_web
                    IdentityFile ~/.ssh/id_missing
                    LocalForward 8080 localhost:80
                    LocalForward 127.0.0.1:9090 [::1]:90
                    RemoteForward 9000 localhost:3000
                    DynamicForward 1080
                    ProxyJump bastion,admin@jump2.example.net:2200
                    HostKeyAlgorithms +ssh-rsa,ssh-dss
                    Compression yes

                Host bastion
                    HostName 10.0.0.1
                    User jump
                    IdentityFile ~/.ssh/id_bastion
                    Include bastion-extra.conf   # applies to bastion only

                Host db?? !db99
                    HostName %%h.internal
                    ServerAliveInterval 15

                Host db01 db99 db-primary
                    User dbadmin
                    ProxyJump ssh://ops@bastion:22

                Host legacy
                    HostName legacy.example.com
                    IdentityFile ~/.ssh/id_legacy_not_there
                    PubkeyAcceptedAlgorithms +ssh-rsa
                    HostKeyAlgorithms = +ssh-rsa
                    KexAlgorithms +diffie-hellman-group1-sha1

                Match user nobody-at-all
                    Port 1

                Host *.example.com
                    User webops

                Host *
                    ServerAliveInterval 60
                    User fallback
                    Port 22
                """.formatted(absolute));
        return config;
    }
}
