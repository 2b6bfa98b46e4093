package io.wbo.identity.internal;

import java.util.Arrays;
import java.util.List;

import io.wbo.common.Actor;
import io.wbo.common.security.Permission;
import io.wbo.common.security.RequiresPermission;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators, roles and permissions (系統設置), for SYSTEM_ADMIN only. */
@RestController
@RequiresPermission(Permission.SYSTEM_ADMIN)
class OperatorController {

	private final OperatorAdminService admin;

	OperatorController(OperatorAdminService admin) {
		this.admin = admin;
	}

	@GetMapping("/api/operators")
	List<OperatorAdminService.OperatorView> list() {
		return admin.list();
	}

	record NewOperator(String username, String displayName, String password, List<String> roles) {
	}

	@PostMapping("/api/operators")
	OperatorAdminService.OperatorView create(@RequestBody NewOperator body, Actor actor) {
		return admin.create(body.username(), body.displayName(), body.password(), body.roles(), actor);
	}

	@PostMapping("/api/operators/{id}/disable")
	OperatorAdminService.OperatorView disable(@PathVariable long id, Actor actor) {
		return admin.setEnabled(id, false, actor);
	}

	@PostMapping("/api/operators/{id}/enable")
	OperatorAdminService.OperatorView enable(@PathVariable long id, Actor actor) {
		return admin.setEnabled(id, true, actor);
	}

	record Roles(List<String> roles) {
	}

	@PutMapping("/api/operators/{id}/roles")
	OperatorAdminService.OperatorView roles(@PathVariable long id, @RequestBody Roles body, Actor actor) {
		return admin.setRoles(id, body.roles(), actor);
	}

	record Password(String password) {
	}

	@PostMapping("/api/operators/{id}/reset-password")
	void resetPassword(@PathVariable long id, @RequestBody Password body, Actor actor) {
		admin.resetPassword(id, body.password(), actor);
	}

	@GetMapping("/api/roles")
	List<RoleStore.Role> roles() {
		return admin.roles();
	}

	record RoleBody(String name, @Nullable String description, List<String> permissions) {
	}

	@PutMapping("/api/roles/{code}")
	RoleStore.Role saveRole(@PathVariable String code, @RequestBody RoleBody body, Actor actor) {
		return admin.saveRole(code, body.name(), body.description(), body.permissions(), actor);
	}

	@GetMapping("/api/permissions")
	List<String> permissions() {
		return Arrays.stream(Permission.values()).map(Enum::name).toList();
	}
}
