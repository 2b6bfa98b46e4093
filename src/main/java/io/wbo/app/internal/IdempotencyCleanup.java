package io.wbo.app.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A persistent, cluster-safe job (db-scheduler): forgets idempotency keys older than 48 hours, hourly. */
@Configuration
class IdempotencyCleanup {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);
	static final Duration KEEP = Duration.ofHours(48);

	@Bean
	RecurringTask<Void> idempotencyKeyCleanup(JdbcClient jdbc) {
		return Tasks.recurring("idempotency-key-cleanup", FixedDelay.ofHours(1)).execute((instance, context) -> {
			int deleted = forgetOld(jdbc);
			if (deleted > 0) {
				log.info("forgot {} idempotency keys older than {}", deleted, KEEP);
			}
		});
	}

	/** Deletes the keys older than {@link #KEEP}; returns how many. */
	static int forgetOld(JdbcClient jdbc) {
		return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(hours => :h)")
				.param("h", (int) KEEP.toHours()).update();
	}
}
