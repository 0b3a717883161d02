package dev.termvault.sync.server.keys.mail;

/** Sends a plain-text message to one address. Delivery may happen later; a failure is logged, never thrown. */
public interface Mailer {

    void send(String to, String subject, String body);
}
