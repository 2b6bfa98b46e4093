package io.wbo.common;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A command not allowed in the aggregate's current state; the problem names that state. */
public class IllegalTransitionException extends DomainException {

	public IllegalTransitionException(String entity, Object id, Enum<?> currentState, String action) {
		super(HttpStatus.CONFLICT, "illegal-state-transition",
				"cannot " + action + " " + entity + " " + id + " in state " + currentState.name(),
				Map.of("currentState", currentState.name(), "action", action));
	}
}
