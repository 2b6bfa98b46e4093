/**
 * X-1 operators (後台操作人員): login with password and optional TOTP, lock-out, roles and permissions, and the web
 * security that makes every admin endpoint name the permission it needs.
 */
@NullMarked
package io.wbo.identity;

import org.jspecify.annotations.NullMarked;
