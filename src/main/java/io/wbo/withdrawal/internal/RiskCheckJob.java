package io.wbo.withdrawal.internal;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The risk check (W-3, X-7) as a db-scheduler one-time task. The instance id names the application and its risk run
 * ({@code <id>-r<run>}), so an edit's new check never collides with the old one and a replayed job is harmless: the
 * job re-reads the application and only acts while it is RISK_CHECKING in the same run. The task row is written
 * through the scheduler's transaction-aware data source, i.e. in the creating transaction: a rollback leaves no task.
 */
@Configuration
class RiskCheckJob {

	static final String TASK = "withdrawal-risk-check";

	@Bean
	OneTimeTask<Void> withdrawalRiskCheck(@Lazy WithdrawalService service) {
		return Tasks.oneTime(TASK).execute((instance, context) -> {
			String[] parts = instance.getId().split("-r");
			service.runRiskCheck(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
		});
	}

	/** Schedules the check of one application's current risk run. */
	static void schedule(SchedulerClient scheduler, OneTimeTask<Void> task, long withdrawalId, int run) {
		scheduler.scheduleIfNotExists(task.instance(withdrawalId + "-r" + run), Instant.now());
	}

}
