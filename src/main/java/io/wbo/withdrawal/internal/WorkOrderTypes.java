package io.wbo.withdrawal.internal;

import java.util.List;

import io.wbo.approval.WorkOrderType;
import io.wbo.common.security.Permission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The work orders of withdrawals. Each moves or confirms customers' money, so approval can never be switched off;
 * an admin may change who approves and how many levels.
 */
@Configuration
class WorkOrderTypes {

	static final String EDIT = "WITHDRAWAL_EDIT";
	static final String DIRECT_PAYOUT = "WITHDRAWAL_DIRECT_PAYOUT";
	static final String BATCH_PAYOUT = "WITHDRAWAL_BATCH_PAYOUT";
	static final String BATCH_RESULT = "WITHDRAWAL_BATCH_RESULT";
	static final String ABNORMAL = "WITHDRAWAL_ABNORMAL";

	@Bean
	WorkOrderType withdrawalEdit() {
		return WorkOrderType.of(EDIT, List.of(Permission.WORK_ORDER_APPROVE), true, false);
	}

	@Bean
	WorkOrderType withdrawalDirectPayout() {
		return WorkOrderType.of(DIRECT_PAYOUT, List.of(Permission.WORK_ORDER_APPROVE), true, false);
	}

	@Bean
	WorkOrderType withdrawalBatchPayout() {
		return WorkOrderType.of(BATCH_PAYOUT, List.of(Permission.WORK_ORDER_APPROVE), true, false);
	}

	@Bean
	WorkOrderType withdrawalBatchResult() {
		return WorkOrderType.of(BATCH_RESULT, List.of(Permission.WORK_ORDER_APPROVE), true, false);
	}

	@Bean
	WorkOrderType withdrawalAbnormal() {
		return WorkOrderType.of(ABNORMAL, List.of(Permission.WORK_ORDER_APPROVE), true, false);
	}
}
