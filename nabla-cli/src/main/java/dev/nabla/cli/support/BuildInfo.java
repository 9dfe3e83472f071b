package dev.nabla.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What the build knows about itself: Nabla's version, and the version of the JSON output's layout. */
public final class BuildInfo {

    /**
     * The version of the JSON output's layout, written as {@code "schemaVersion"} in every JSON result. It
     * grows by one whenever a field is renamed or removed or its meaning changes; adding fields keeps it.
     */
    public static final int SCHEMA_VERSION = 2;

    private static final String VERSION = load();

    private BuildInfo() {
    }

    /** Nabla's version as the build wrote it (e.g. {@code 0.1.0}), written as {@code "nablaVersion"}. */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the nabla-cli jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
