/**
 * X-4 customers (客戶) with their securities accounts, account-opening status and bank cards (銀行卡), and X-5 the
 * broker's company bank accounts. Bank-card changes go through a work order; the account-opening system updates
 * statuses through a signed integration endpoint.
 */
@NullMarked
package io.wbo.customer;

import org.jspecify.annotations.NullMarked;
