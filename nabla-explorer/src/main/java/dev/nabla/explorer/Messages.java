package dev.nabla.explorer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The explorer's words in English and Korean, from the UTF-8 bundles {@code dev/nabla/explorer/messages.properties}
 * and {@code messages_ko.properties} (Korean in the source documents' vocabulary: 그래디언트, 방향도함수, 레벨셋,
 * 접공간, 클라크 부분그래디언트). The page reads them through {@code GET /api/messages?lang=ko}; the CLI can read
 * the same bundle with {@link #bundle(String)}.
 */
public final class Messages {
    /** The languages there are bundles for. */
    public static final List<String> LANGUAGES = List.of("en", "ko");

    private Messages() {
    }

    /** The bundle of a language ("en" or "ko"), never falling back to the JVM's default locale. */
    public static ResourceBundle bundle(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("no messages in '" + language + "'; there are " + LANGUAGES);
        }
        return ResourceBundle.getBundle("dev.nabla.explorer.messages",
                language.equals("en") ? Locale.ROOT : Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Every message of a language, by key. */
    static Map<String, String> of(String language) {
        ResourceBundle b = bundle(language);
        Map<String, String> out = new TreeMap<>();
        for (String key : b.keySet()) {
            out.put(key, b.getString(key));
        }
        return out;
    }

    /** GET /api/messages?lang=…: the answer. */
    record Answer(String lang, List<String> languages, Map<String, String> messages) {
    }
}
