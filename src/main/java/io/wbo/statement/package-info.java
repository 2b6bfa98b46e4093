/**
 * B bank statements (銀行帳單): statement lines of the broker's company accounts from file imports (bank templates,
 * MT940, camt.053) and bank APIs, with delete, flip and tag operations. Other modules offer their records for tagging
 * through {@link io.wbo.statement.TagTargets}.
 */
@NullMarked
package io.wbo.statement;

import org.jspecify.annotations.NullMarked;
