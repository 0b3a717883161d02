package dev.termvault.sync.server.keys.mail;

import dev.termvault.sync.server.ServerConfig;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail through an SMTP server (Jakarta Mail), on one background thread with a bounded queue, so the
 * request that asked for a mail answers in the same time whatever the mail says or whether it is delivered.
 * Settings: {@code keys.smtp.host}, {@code .port} (587), {@code .from}, {@code .user} and {@code .password}
 * (optional), {@code .security} {@code starttls} (default, required), {@code tls} (SMTPS) or {@code none}.
 * Log lines name the event and the error type, never the address or the body.
 */
public final class SmtpMailer implements Mailer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    private static final int QUEUE = 1000;

    private final Session session;
    private final InternetAddress from;
    private final String user;
    private final String password;
    private final ExecutorService sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "termvault-smtp");
                t.setDaemon(true);
                return t;
            });

    private SmtpMailer(Properties properties, InternetAddress from, String user, String password) {
        this.session = Session.getInstance(properties);
        this.from = from;
        this.user = user;
        this.password = password;
    }

    /** A mailer from {@code keys.smtp.*}; refuses a configuration without a host or a sender. */
    public static SmtpMailer from(ServerConfig config) {
        String host = config.find("keys.smtp.host").orElseThrow(() -> new IllegalArgumentException(
                "keys.signup.policy=email needs keys.smtp.host (and keys.smtp.from) to send sign-up codes"));
        String fromText = config.find("keys.smtp.from").orElseThrow(() -> new IllegalArgumentException(
                "keys.signup.policy=email needs keys.smtp.from, the sender address of sign-up codes"));
        String security = config.get("keys.smtp.security", "starttls").toLowerCase(Locale.ROOT);
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(config.getInt("keys.smtp.port", 587)));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        switch (security) {
            case "starttls" -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "tls" -> {
                p.put("mail.smtp.ssl.enable", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "none" -> LOG.warn("event=smtp_without_tls host={}", host);
            default -> throw new IllegalArgumentException("keys.smtp.security must be starttls, tls or none");
        }
        String user = config.find("keys.smtp.user").orElse(null);
        p.put("mail.smtp.auth", Boolean.toString(user != null));
        try {
            return new SmtpMailer(p, new InternetAddress(fromText, true), user,
                    config.find("keys.smtp.password").orElse(null));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("keys.smtp.from is not a valid address");
        }
    }

    @Override
    public void send(String to, String subject, String body) {
        try {
            sender.execute(() -> deliver(to, subject, body));
        } catch (RejectedExecutionException e) {
            LOG.warn("event=mail_dropped reason=queue_full");
        }
    }

    private void deliver(String to, String subject, String body) {
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(from);
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            m.setSubject(subject, StandardCharsets.UTF_8.name());
            m.setText(body, StandardCharsets.UTF_8.name());
            if (user != null) {
                Transport.send(m, user, password);
            } else {
                Transport.send(m);
            }
            LOG.info("event=mail_sent");
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("event=mail_failed type={}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        sender.shutdown();
    }
}
