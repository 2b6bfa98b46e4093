package io.wbo.identity.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Roles and the permissions they bundle. */
@Component
class RoleStore {

	record Role(String code, String name, String description, List<String> permissions) {
	}

	private final JdbcClient jdbc;

	RoleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Role> all() {
		return jdbc.sql("""
				SELECT r.code, r.name, r.description,
				       coalesce((SELECT array_agg(p.permission ORDER BY p.permission) FROM role_permission p WHERE p.role_code = r.code), '{}') AS permissions
				FROM role r ORDER BY r.code""")
				.query((rs, n) -> new Role(rs.getString("code"), rs.getString("name"), rs.getString("description"),
						List.of((String[]) rs.getArray("permissions").getArray())))
				.list();
	}

	java.util.Optional<Role> byCode(String code) {
		return all().stream().filter(r -> r.code().equals(code)).findFirst();
	}

	void upsert(String code, String name, String description, List<String> permissions) {
		jdbc.sql("""
				INSERT INTO role (code, name, description) VALUES (:c, :n, :d)
				ON CONFLICT (code) DO UPDATE SET name = excluded.name, description = excluded.description""")
				.param("c", code).param("n", name).param("d", description).update();
		jdbc.sql("DELETE FROM role_permission WHERE role_code = :c").param("c", code).update();
		for (String permission : permissions) {
			jdbc.sql("INSERT INTO role_permission (role_code, permission) VALUES (:c, :p)").param("c", code).param("p", permission).update();
		}
	}
}
