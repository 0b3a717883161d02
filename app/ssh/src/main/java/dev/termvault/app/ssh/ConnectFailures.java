package dev.termvault.app.ssh;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.InterruptedByTimeoutException;
import java.util.Locale;

import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;

/** Turns MINA's and the JDK's exceptions into the engine's {@link SshConnectionException} family. */
final class ConnectFailures {

    private ConnectFailures() {
    }

    static SshConnectionException translate(Throwable failure, Hop hop, boolean keyExchangeMayBeDone) {
        String endpoint = hop.endpoint();
        KnownHostVerifier verifier = hop.verifier();
        switch (verifier.refusal()) {
            case REVOKED:
                return new SshConnectionException.HostKeyRevoked(endpoint, verifier.presentedFingerprint());
            case CHANGED:
                return new SshConnectionException.HostKeyChanged(endpoint, verifier.presentedFingerprint());
            case DECLINED:
                return new SshConnectionException.HostKeyRejected(endpoint, verifier.presentedFingerprint(),
                        "it was declined");
            case UNKNOWN_REQUIRED:
                return new SshConnectionException.HostKeyRejected(endpoint, verifier.presentedFingerprint(),
                        "the host is not known and only known hosts are allowed");
            case NONE:
            default:
                break;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new SshConnectionException.UnknownHost(hop.host.hostname(), failure);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new SshConnectionException.ConnectionRefused(endpoint, failure);
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedByTimeoutException) {
                return new SshConnectionException.TimedOut(endpoint, "connecting to", failure);
            }
        }
        if (!verifier.consulted()) {
            if (isNegotiationFailure(failure)) {
                return new SshConnectionException.NoCommonAlgorithm(endpoint, failure);
            }
            return new SshConnectionException.ConnectionFailed("The connection to " + endpoint
                    + " closed before the SSH handshake finished.", failure);
        }
        if (keyExchangeMayBeDone) {
            return new SshConnectionException.AuthenticationFailed(hop.user, endpoint, hop.methodsTried(), failure);
        }
        return new SshConnectionException.ConnectionFailed("The connection to " + endpoint + " failed.", failure);
    }

    private static boolean isNegotiationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SshException ssh
                    && ssh.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_KEY_EXCHANGE_FAILED) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("unable to negotiate")) {
                return true;
            }
        }
        return false;
    }
}
