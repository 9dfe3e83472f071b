package dev.nabla.explorer;

import java.util.Map;

/**
 * A request the API refuses, answered as JSON {@code {"error": {"kind", "message", …details}}} with a 4xx status.
 *
 * <p>{@code status}: the HTTP status (4xx); {@code kind}: a stable machine-readable name, e.g. {@code "parse"},
 * {@code "domain"}, {@code "bad-request"}; {@code details}: extra fields of the error object (position, caret
 * line, expected, sub-expression, …).
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String kind;
    private final transient Map<String, Object> details;

    ApiException(int status, String kind, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.kind = kind;
        this.details = Map.copyOf(details);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "bad-request", message, Map.of());
    }

    int status() {
        return status;
    }

    String kind() {
        return kind;
    }

    Map<String, Object> details() {
        return details;
    }
}
