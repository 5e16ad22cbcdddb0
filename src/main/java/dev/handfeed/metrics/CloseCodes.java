package dev.handfeed.metrics;

/**
 * The {@code code} label of a closed connection: the close codes RFC 6455 defines (1000-1015) and the
 * application's own (4001-4003, see {@code live.Disconnect}); any other number is "other".
 */
public final class CloseCodes {

    private CloseCodes() {
    }

    public static String label(int code) {
        boolean known = (code >= 1000 && code <= 1015 && code != 1004) || (code >= 4001 && code <= 4003);
        return known ? Integer.toString(code) : "other";
    }
}
