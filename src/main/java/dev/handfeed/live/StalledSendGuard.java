package dev.handfeed.live;

import dev.handfeed.config.Settings;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Once a second: pings clients that have messages not yet confirmed read (each at most once per send timeout),
 * and closes those that leave a ping (or a send) unanswered for CLIENT_SEND_TIMEOUT_MS. This is what catches a
 * client that stopped reading while traffic is light and its buffer is far from full; a vanished peer is caught
 * the same way. Pings are rationed because every pong costs the container a timer reschedule.
 */
@Singleton
@Startup // created with the application, so its first run is not slowed by its own creation
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // nothing here is transactional: no JTA per call
public class StalledSendGuard {

    @Inject
    Settings settings;

    @Inject
    ClientRegistry registry;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "handfeed stalled-send check")
    void check() {
        long now = System.nanoTime();
        long limit = settings.clientSendTimeout().toNanos();
        for (Client client : registry.clients()) {
            if (client.oldestPingNanos(now) > limit || client.inFlightNanos(now) > limit) {
                // Heard nothing at all meanwhile: the peer is gone; heard something: it is there but not reading.
                registry.disconnect(client,
                        client.silentNanos(now) > limit ? Disconnect.DEAD_PEER : Disconnect.SEND_TIMEOUT);
            } else if (client.pingDue(now)) {
                client.ping();
            }
        }
    }
}
