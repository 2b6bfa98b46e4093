package io.wbo.risk.internal;

import java.util.List;

import io.wbo.common.Actor;
import io.wbo.common.security.Permission;
import io.wbo.common.security.RequiresPermission;
import io.wbo.risk.RiskChecks;
import io.wbo.risk.RiskSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Risk thresholds (系統設置 › 風控), for administrators. */
@RestController
class RiskSettingsController {

	private final RiskChecks checks;

	RiskSettingsController(RiskChecks checks) {
		this.checks = checks;
	}

	/** The settings and the codes of every rule (those that may be listed in {@code disabledRules}). */
	record SettingsView(RiskSettings settings, List<String> rules) {
	}

	@GetMapping("/api/risk/settings")
	@RequiresPermission(Permission.SYSTEM_ADMIN)
	SettingsView get() {
		return new SettingsView(checks.settings(), checks.ruleCodes());
	}

	/** Replaces the settings; {@code version} must be the one read (409 if someone else saved in between). */
	@PutMapping("/api/risk/settings")
	@RequiresPermission(Permission.SYSTEM_ADMIN)
	SettingsView put(@RequestBody RiskSettings settings, Actor admin) {
		return new SettingsView(checks.save(settings, admin), checks.ruleCodes());
	}
}
