package dev.handfeed.live;

import dev.handfeed.wire.Encoded;

/**
 * The broadcast's way in for events that must not be lost, called on the bean itself rather than through its
 * container proxy (see {@link Broadcaster#publisher()}).
 */
@FunctionalInterface
public interface Publisher {

    /** Queues an encoded event in every lane, waiting for room: see {@link Broadcaster#publish}. */
    void publish(Encoded message) throws InterruptedException;
}
