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

    /** A problem reading a secret file; the message completes "steadfast.key.x.secret-file ...". */
    static final class SecretFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SecretFileException(String problem) {
            super(problem, null, false, false);
        }
    }
}
