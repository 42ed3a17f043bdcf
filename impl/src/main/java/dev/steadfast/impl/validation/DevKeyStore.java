package dev.steadfast.impl.validation;

import dev.steadfast.impl.keys.SecretGenerator;
import dev.steadfast.impl.policy.DevelopmentKeys;
import dev.steadfast.keys.Algorithm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The development key: generated once per application, persisted, and reused on every start so that development
 * sessions survive restarts. Never a random key per boot, never one derived from a host name or path.
 */
public final class DevKeyStore {

    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private DevKeyStore() {
    }

    /**
     * @param app the application's name (audience or context path)
     * @return {@code ~/.steadfast/dev/<app>.key}, with {@code <app>} reduced to file-name-safe characters
     */
    public static Path defaultPath(String app) {
        String name = app.replaceAll("^/+", "").replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isEmpty() || name.startsWith(".")) {
            name = "root" + name;
        }
        return Path.of(System.getProperty("user.home"), ".steadfast", "dev", name + ".key");
    }

    /**
     * Reads the key at {@code path}, creating it first if there is none. Creation is atomic ({@code CREATE_NEW})
     * with owner-only permissions set at creation, so two instances starting together agree on one key and no
     * other user ever sees it.
     *
     * @param path where the key lives
     * @return the key's secret, starting with {@link DevelopmentKeys#PREFIX}
     * @throws UncheckedIOException when the file cannot be created or read
     * @throws IllegalStateException when the file does not hold a development key
     */
    public static String loadOrCreate(Path path) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir, posix(dir, OWNER_DIR));
            }
            String secret = DevelopmentKeys.PREFIX + SecretGenerator.generate(Algorithm.HS256);
            try (SeekableByteChannel ch = Files.newByteChannel(path,
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), posix(path, OWNER_FILE))) {
                ch.write(ByteBuffer.wrap((secret + "\n").getBytes(StandardCharsets.US_ASCII)));
                return secret;
            } catch (FileAlreadyExistsException e) {
                return read(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create or read the development key at " + path
                    + " (set steadfast.dev.key-file to a writable path): " + e.getClass().getSimpleName(), e);
        }
    }

    private static String read(Path path) throws IOException {
        // A concurrent creator may not have written yet: wait briefly for content rather than take an empty key.
        for (int attempt = 0; attempt < 50; attempt++) {
            String text = Files.readString(path, StandardCharsets.US_ASCII).strip();
            if (!text.isEmpty()) {
                if (!text.startsWith(DevelopmentKeys.PREFIX)) {
                    throw new IllegalStateException("The file " + path + " does not hold a Steadfast development"
                            + " key; delete it or set steadfast.dev.key-file to another path");
                }
                return text;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("The development key file " + path + " is empty; delete it to regenerate");
    }

    private static FileAttribute<?>[] posix(Path path, Set<PosixFilePermission> perms) {
        Path probe = path.toAbsolutePath().getRoot();
        boolean posix = probe != null && probe.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)}
                : new FileAttribute<?>[0];
    }
}
