package dev.handfeed.page;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file of the WAR that may be served to a browser, and its media type. Only plain relative names with a known
 * extension qualify: nothing under WEB-INF or META-INF, no {@code ..}, no directory listings.
 */
public record StaticFile(String resourcePath, String mediaType) {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    // Module scripts are refused by browsers unless served with a JavaScript type, hence an explicit table.
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    /** The file for a request path such as {@code page/app.js}, or empty when it is not one to serve. */
    public static Optional<StaticFile> of(String requestPath) {
        if (requestPath == null || !SAFE_NAME.matcher(requestPath).matches() || requestPath.contains("..")) {
            return Optional.empty();
        }
        String upper = requestPath.toUpperCase(Locale.ROOT);
        if (upper.startsWith("WEB-INF/") || upper.startsWith("META-INF/")) {
            return Optional.empty();
        }
        int dot = requestPath.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(requestPath.substring(dot + 1).toLowerCase(Locale.ROOT));
        return type == null ? Optional.empty() : Optional.of(new StaticFile("/" + requestPath, type));
    }

    public boolean isPage() {
        return mediaType.startsWith("text/html");
    }
}
