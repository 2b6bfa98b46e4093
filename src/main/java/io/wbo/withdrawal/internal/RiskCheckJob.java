package io.wbo.withdrawal.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The risk check (W-3, X-7) as a background job. Its queue is the withdrawal table itself: an application in
 * {@code RISK_CHECKING} waits for its check, so nothing is lost on a crash or restart and no second queue can disagree
 * with the records. Each instance runs one worker that checks the waiting applications in batches
 * ({@link WithdrawalService#runRiskChecks}: a few statements per batch, rows another instance holds are skipped). A
 * creation or an approved edit wakes the worker when its transaction commits; between wake-ups it looks every
 * {@code wbo.withdrawal.risk-check.poll-interval}, which also picks up work left by an instance that stopped. Waiting a
 * moment after a wake-up lets the applications of a busy second share one batch. An application whose check throws
 * (bad data, say) is found by checking the batch one by one, logged, and set aside for a while, so it cannot hold up
 * the others.
 */
@Component
class RiskCheckJob implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RiskCheckJob.class);

	static final int BATCH = 500;

	/** How long an application whose check failed waits before it is tried again. */
	static final Duration SET_ASIDE = Duration.ofMinutes(10);

	private final ObjectProvider<WithdrawalService> service;
	private final Duration pollInterval;
	private final Duration gatherDelay;
	private final Semaphore signal = new Semaphore(0);
	private final java.util.Map<Long, Instant> setAside = new java.util.concurrent.ConcurrentHashMap<>();
	private volatile Thread worker;

	RiskCheckJob(ObjectProvider<WithdrawalService> service,
			@Value("${wbo.withdrawal.risk-check.poll-interval:1s}") Duration pollInterval,
			@Value("${wbo.withdrawal.risk-check.gather-delay:20ms}") Duration gatherDelay) {
		this.service = service;
		this.pollInterval = pollInterval;
		this.gatherDelay = gatherDelay;
	}

	/** Asks for a check soon: after the current transaction commits (its applications are then visible), or now. */
	void wake() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					signal.release();
				}
			});
		}
		else {
			signal.release();
		}
	}

	private void work() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				if (signal.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
					Thread.sleep(gatherDelay.toMillis());
				}
				signal.drainPermits();
				setAside.values().removeIf(until -> until.isBefore(Instant.now()));
				try {
					while (service.getObject().runRiskChecks(BATCH, setAside.keySet()) == BATCH) {
						// a full batch: more are waiting
					}
				}
				catch (RuntimeException e) {
					// the batch rolled back and its applications still wait; find the one(s) it stumbled on, so that one
					// bad record cannot hold up every other application's check
					log.warn("risk check batch failed; checking its applications one by one", e);
					isolate();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException e) {
				// the database is unreachable, say: the applications still wait, the next round retries them
				log.warn("risk check round failed; retrying at the next round", e);
			}
		}
	}

	/** Checks the next applications one at a time; one that fails is set aside for a while, and logged. */
	private void isolate() {
		for (long id : service.getObject().awaitingRiskCheck(BATCH, setAside.keySet())) {
			try {
				service.getObject().runRiskCheckOf(id);
			}
			catch (RuntimeException e) {
				setAside.put(id, Instant.now().plus(SET_ASIDE));
				log.error("the risk check of withdrawal {} failed; it stays waiting, set aside for {} before the next try", id, SET_ASIDE, e);
			}
		}
	}

	@Override
	public void start() {
		Thread t = new Thread(this::work, "withdrawal-risk-check");
		t.setDaemon(true);
		worker = t;
		t.start();
	}

	@Override
	public void stop() {
		Thread t = worker;
		worker = null;
		if (t != null) {
			t.interrupt();
			try {
				t.join(10_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return worker != null;
	}
}
