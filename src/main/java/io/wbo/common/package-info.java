/**
 * Shared building blocks every module may use: money and asset scales, actors, domain errors rendered as
 * RFC 9457 problem details, cursor paging, JSON and hashing helpers, and the embedded PostgreSQL bootstrap.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.wbo.common;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
