package dev.profilekit.keycloak.profile.common.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.representations.idm.ErrorRepresentation;

/**
 * A client error with a message key, answered as Keycloak's own {@link ErrorRepresentation}
 * ({@code {"errorMessage": "<key>", "field": ..., "params": [...]}}), which the account console translates.
 */
public final class ApiException extends WebApplicationException {

    private ApiException(Response.Status status, String messageKey, String field, Object... params) {
        super(messageKey, Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorRepresentation(field, messageKey, params))
                .build());
    }

    /** 400 with a message key; {@code field} names the offending input, or is {@code null}. */
    public static ApiException badRequest(String messageKey, String field, Object... params) {
        return new ApiException(Response.Status.BAD_REQUEST, messageKey, field, params);
    }

    /** 403 with a message key: the caller is authenticated but may not do this. */
    public static ApiException forbidden(String messageKey) {
        return new ApiException(Response.Status.FORBIDDEN, messageKey, null);
    }

    /** 409 with a message key: a concurrent request changed the same thing first; retrying may succeed. */
    public static ApiException conflict(String messageKey) {
        return new ApiException(Response.Status.CONFLICT, messageKey, null);
    }

    /** 404 with a message key. */
    public static ApiException notFound(String messageKey) {
        return new ApiException(Response.Status.NOT_FOUND, messageKey, null);
    }

    /** 503 with a message key: a service the request needs (e.g. the realm's mail server) failed; nothing changed. */
    public static ApiException unavailable(String messageKey) {
        return new ApiException(Response.Status.SERVICE_UNAVAILABLE, messageKey, null);
    }
}
