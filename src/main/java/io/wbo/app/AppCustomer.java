package io.wbo.app;

import io.wbo.common.Actor;

/** The customer calling the APP API, resolved from the bearer token; handlers take it as a parameter. */
public record AppCustomer(long id, String customerNo, String ip) {

	public Actor actor() {
		return new Actor(Actor.Kind.CUSTOMER, id, customerNo, ip);
	}
}
