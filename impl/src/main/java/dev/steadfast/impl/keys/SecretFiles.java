package dev.steadfast.impl.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a secret from a mounted file (Docker and Kubernetes secrets), trimmed, as {@code secret-file} specifies.
 */
final class SecretFiles {

    /** Far above any real key; stops a misconfigured path (a log file, a device) from being read whole. */
    static final int MAX_BYTES = 64 * 1024;

    private SecretFiles() {
    }

    /**
     * @param pathText the configured path
     * @return the trimmed content
     * @throws SecretFileException with a message that names the problem, never the content
     */
    static String read(String pathText) {
        Path path;
        try {
            path = Path.of(pathText);
        } catch (InvalidPathException e) {
            throw new SecretFileException("names an invalid path");
        }
        if (Files.isDirectory(path)) {
            throw new SecretFileException("names a directory, not a file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new SecretFileException("names a file that does not exist");
        } catch (IOException | SecurityException e) {
            throw new SecretFileException("names a file that cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > MAX_BYTES) {
            throw new SecretFileException("names a file larger than " + MAX_BYTES + " bytes, which is not a key");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString().strip();
        } catch (CharacterCodingException e) {
            throw new SecretFileException("names a file that is not UTF-8 text");
        }
        if (text.isEmpty()) {
            throw new SecretFileException("names an empty file");
        }
        return text;
    }

    /**
     * What is loose about a secret file that could be read: each entry completes "steadfast.key.x.secret-file ...".
     * Nothing here refuses a deployment; production logs each as a warning.
     *
     * <ul>
     *   <li>readable by group or others, where the file system has POSIX permissions (the permissions of the file
     *       a link leads to, which is what a reader gets);</li>
     *   <li>a link whose target lies outside the directory of the configured path. Kubernetes mounts each key as
     *       {@code key -> ..data/key} with {@code ..data -> ..2026_11_22_...}, all inside the mount directory, so
     *       those are fine; a link to {@code /home/dev/key} is not, since whoever can change that target chooses
     *       the key.</li>
     * </ul>
     *
     * @param pathText the configured path, already read successfully by {@link #read}
     * @return the problems, empty when none or when they cannot be determined
     */
    static List<String> hygiene(String pathText) {
        List<String> problems = new ArrayList<>();
        Path path;
        try {
            path = Path.of(pathText).toAbsolutePath().normalize();
        } catch (InvalidPathException | SecurityException e) {
            return problems;
        }
        try {
            if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
                boolean group = perms.contains(PosixFilePermission.GROUP_READ);
                boolean others = perms.contains(PosixFilePermission.OTHERS_READ);
                if (group || others) {
                    problems.add("names a file readable by " + (group && others ? "group and others"
                            : group ? "its group" : "others") + " ("
                            + java.nio.file.attribute.PosixFilePermissions.toString(perms) + ")");
                }
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Permissions unknown: nothing to warn about.
        }
        try {
            Path dir = path.getParent();
            if (dir != null) {
                Path realDir = dir.toRealPath();
                Path real = path.toRealPath();
                if (!real.startsWith(realDir)) {
                    problems.add("names a link that leads out of its directory, to another file");
                }
            }
        } catch (IOException | SecurityException e) {
            // The file was just read; a race with a remount is not worth a warning.
        }
        return problems;
    }

    /** A problem reading a secret file; the message completes "steadfast.key.x.secret-file ...". */
    static final class SecretFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SecretFileException(String problem) {
            super(problem, null, false, false);
        }
    }
}
