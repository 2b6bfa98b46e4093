package io.wbo.identity;

import java.io.Serializable;

/** The operator held in the HTTP session; permissions are read fresh on each request, not kept here. */
public record OperatorPrincipal(long id, String username) implements Serializable {
}
