package dev.handfeed.watcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the hand histories are. WINAMAX_HISTORY_PATH when set; otherwise every account's {@code history} folder of
 * the Winamax client installed for this OS user (Windows, macOS, or Wine on Linux); otherwise {@code ./history}.
 */
public final class HistoryFolders {

    /**
     * The folders to watch.
     *
     * @param roots      the folders
     * @param create     whether a missing folder is to be created (only the {@code ./history} fallback)
     * @param origin     how they were found, for the log
     */
    public record Resolution(List<Path> roots, boolean create, String origin) {
    }

    private HistoryFolders() {
    }

    public static Resolution resolve(Optional<String> configured, Map<String, String> env, String osName, Path home,
                                     Path workingDir) {
        if (configured.isPresent()) {
            return new Resolution(List.of(Path.of(configured.get()).toAbsolutePath().normalize()), false,
                    "WINAMAX_HISTORY_PATH");
        }
        List<Path> found = new ArrayList<>();
        for (Path accounts : accountFolders(env, osName, home)) {
            found.addAll(historyFolders(accounts));
        }
        if (!found.isEmpty()) {
            return new Resolution(found, false, "Winamax client folders");
        }
        return new Resolution(List.of(workingDir.resolve("history").toAbsolutePath().normalize()), true,
                "default ./history (no Winamax client folder found)");
    }

    /** The {@code accounts} folders the Winamax client uses on this system. */
    static List<Path> accountFolders(Map<String, String> env, String osName, Path home) {
        List<Path> candidates = new ArrayList<>();
        String os = osName.toLowerCase();
        if (os.startsWith("windows")) {
            Optional.ofNullable(env.get("APPDATA"))
                    .ifPresent(appData -> candidates.add(Path.of(appData, "winamax", "documents", "accounts")));
            Path profile = Optional.ofNullable(env.get("USERPROFILE")).map(Path::of).orElse(home);
            // Older clients kept histories under "Winamax Poker" (FORMAT.md §1.1).
            candidates.add(profile.resolve(Path.of("AppData", "Roaming", "winamax", "documents", "accounts")));
            candidates.add(profile.resolve(Path.of("AppData", "Local", "Winamax Poker", "accounts")));
            candidates.add(profile.resolve(Path.of("Mes Documents", "Winamax Poker", "accounts")));
        } else if (os.contains("mac")) {
            candidates.add(home.resolve(Path.of("Library", "Application Support", "winamax", "documents", "accounts")));
        } else {
            Path prefix = Optional.ofNullable(env.get("WINEPREFIX")).map(Path::of).orElse(home.resolve(".wine"));
            for (Path user : children(prefix.resolve(Path.of("drive_c", "users")))) {
                candidates.add(user.resolve(Path.of("AppData", "Roaming", "winamax", "documents", "accounts")));
                candidates.add(user.resolve(Path.of("Application Data", "winamax", "documents", "accounts")));
            }
        }
        return candidates.stream().distinct().filter(Files::isDirectory).toList();
    }

    private static List<Path> historyFolders(Path accounts) {
        return children(accounts).stream().map(account -> account.resolve("history")).filter(Files::isDirectory)
                .toList();
    }

    private static List<Path> children(Path folder) {
        List<Path> children = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return children;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isDirectory)) {
            entries.forEach(children::add);
        } catch (IOException e) {
            // An unreadable candidate is simply not a history folder of this user.
            return children;
        }
        children.sort(null);
        return children;
    }
}
