package io.wbo.statement;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** A system record a bank line can be tagged to (打標), e.g. a completed withdrawal. */
public record TagTarget(String recordType, long id, String serial, String currency, BigDecimal amount, boolean completed,
		@Nullable Long companyAccountId) {
}
