package dev.steadfast.impl.boot;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Values an attacker can learn about this machine. Tutorials derive "secrets" from them, which is why the policy
 * checks for it.
 */
final class PublicInputs {

    private PublicInputs() {
    }

    /**
     * @param more further public values, such as the application name and context path
     * @return the host name as the environment, {@code /etc/hostname} and the resolver see it, plus {@code more}
     */
    public static Set<String> ofThisHost(String... more) {
        Set<String> inputs = new LinkedHashSet<>();
        add(inputs, System.getenv("HOSTNAME"));
        add(inputs, System.getenv("COMPUTERNAME"));
        try {
            add(inputs, Files.readString(Path.of("/etc/hostname")));
        } catch (IOException | SecurityException e) {
            // No such file on this platform: the other sources still apply.
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            add(inputs, local.getHostName());
        } catch (IOException | SecurityException e) {
            // Unresolvable host names are common in containers; nothing to compare against then.
        }
        for (String m : more) {
            add(inputs, m);
        }
        return inputs;
    }

    private static void add(Set<String> inputs, String value) {
        if (value != null && !value.isBlank()) {
            inputs.add(value.strip());
        }
    }
}
