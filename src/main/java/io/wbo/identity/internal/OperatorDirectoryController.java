package io.wbo.identity.internal;

import java.util.List;

import io.wbo.common.security.AnyOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the operators are, by name only: every operator sees colleagues' names on work orders and records anyway, and
 * the console's "maker" filters need the full list (administration stays under {@code /api/operators}).
 */
@RestController
class OperatorDirectoryController {

	private final OperatorStore operators;

	OperatorDirectoryController(OperatorStore operators) {
		this.operators = operators;
	}

	record Entry(long id, String username, String displayName, boolean enabled) {
	}

	@AnyOperator
	@GetMapping("/api/operator-directory")
	List<Entry> directory() {
		return operators.all().stream().map(o -> new Entry(o.id(), o.username(), o.displayName(), o.enabled())).toList();
	}
}
