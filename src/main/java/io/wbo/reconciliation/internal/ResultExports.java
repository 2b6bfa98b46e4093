package io.wbo.reconciliation.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.UnaryOperator;
import java.math.BigDecimal;

import io.wbo.common.export.ExportFormat;
import io.wbo.common.export.Exports;
import io.wbo.common.web.MessageCatalog;
import io.wbo.common.web.ValueNames;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Exports a run's results (with the filter of the result list), streamed from a cursor. */
@Service
class ResultExports {

	private final ReconciliationQueries queries;

	ResultExports(ReconciliationQueries queries) {
		this.queries = queries;
	}

	@Transactional(readOnly = true)
	/** Results and reasons in the reader's language. */
	public long export(long runId, ReconciliationQueries.ResultFilter filter, ExportFormat format, OutputStream out, MessageCatalog.Language language)
			throws IOException {
		UnaryOperator<String> say = MessageCatalog.get().sayer(language);
		UnaryOperator<String> resultName = ValueNames.get().namer("reconciliation.result", language);
		UnaryOperator<String> typeName = ValueNames.get().namer("reconciliation.recordType", language);
		UnaryOperator<String> followUpName = ValueNames.get().namer("reconciliation.followUp", language);
		return Exports.write(format, out, "Reconciliation", ReconciliationController.EXPORT_HEADERS, sink -> queries.forEachResult(runId, filter, r -> {
			try {
				sink.accept(new Object[] { resultName.apply(r.result().name()), say.apply(r.reason()), r.record() == null ? null : typeName.apply(r.record().type()),
						r.record() == null ? null : r.record().serial(), r.lineId(), r.currency(), money(r.systemAmount()), money(r.bankAmount()),
						r.systemDate(), r.bankDate(), r.bankReference(), r.counterpartyAccount(), r.followUp() == null ? null : followUpName.apply(r.followUp().status()) });
			}
			catch (RuntimeException e) {
				throw e;
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}));
	}

	private static @Nullable BigDecimal money(@Nullable String amount) {
		return amount == null ? null : new BigDecimal(amount);
	}
}
