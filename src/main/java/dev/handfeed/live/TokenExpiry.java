package dev.handfeed.live;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Once a second, with AUTH_MODE=jwt: a connection whose token has expired (clock skew included) and was not
 * refreshed gets an {@code error} and a 4401 close. A token is checked once at the handshake; this keeps it true
 * for as long as the connection lasts.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // nothing here is transactional: no JTA per call
public class TokenExpiry {

    @Inject
    Admission admission;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "handfeed token expiry check")
    void check() {
        admission.closeExpired();
    }
}
