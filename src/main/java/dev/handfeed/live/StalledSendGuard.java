package dev.handfeed.live;

import dev.handfeed.config.Settings;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Closes clients whose message in flight has waited longer than CLIENT_SEND_TIMEOUT_MS: a client that stopped
 * reading fills its TCP window long before it fills its outbound buffer when traffic is light.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
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
            if (client.inFlightNanos(now) > limit) {
                registry.disconnect(client, Disconnect.SEND_TIMEOUT);
            }
        }
    }
}
