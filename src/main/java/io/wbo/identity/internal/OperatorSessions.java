package io.wbo.identity.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.wbo.identity.OperatorPrincipal;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The console sessions of an operator, found by the index Spring Session keeps in the database. A new password must
 * shut out whoever holds a session opened with the old one: a self-change ends the operator's other sessions, an
 * administrator's reset ends all of them.
 */
@Component
class OperatorSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	OperatorSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** Names the session by its operator's id, so it is found whatever the principal's text looks like. */
	static void index(HttpSession session, long operatorId) {
		session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, indexValue(operatorId));
	}

	private static String indexValue(long operatorId) {
		return "operator:" + operatorId;
	}

	/** Ends the operator's sessions but {@code keep} (null: all of them); returns how many ended. */
	int end(Operator operator, @Nullable String keep) {
		Set<String> ids = new HashSet<>();
		// sessions opened before they were indexed by id carry the principal's own text
		for (String name : List.of(indexValue(operator.id()), new OperatorPrincipal(operator.id(), operator.username()).toString())) {
			ids.addAll(sessions.findByPrincipalName(name).keySet());
		}
		if (keep != null) {
			ids.remove(keep);
		}
		ids.forEach(sessions::deleteById);
		return ids.size();
	}
}
