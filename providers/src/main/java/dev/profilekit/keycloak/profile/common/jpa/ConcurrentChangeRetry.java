package dev.profilekit.keycloak.profile.common.jpa;

import jakarta.persistence.OptimisticLockException;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionTaskWithResult;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Runs a change in a transaction of its own and runs it again when it collided with a concurrent change of the same
 * rows on another cluster node or thread (an {@link OptimisticLockException} on a versioned Keycloak entity, such as
 * a credential). The task reads everything it changes from its own session, so a retry sees the other change.
 */
public final class ConcurrentChangeRetry {

    private static final Logger LOG = Logger.getLogger(ConcurrentChangeRetry.class);
    private static final int ATTEMPTS = 4;

    private ConcurrentChangeRetry() {
    }

    /** @return the task's result; the last failure if every attempt collided, or the first failure of another kind */
    public static <V> V run(KeycloakSession session, String what, KeycloakSessionTaskWithResult<V> task) {
        for (int attempt = 1; ; attempt++) {
            try {
                return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), session.getContext(), task, what);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isConcurrentChange(e)) {
                    throw e;
                }
                LOG.debugf("%s collided with a concurrent change (attempt %d of %d), retrying", what, attempt, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    private static boolean isConcurrentChange(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
