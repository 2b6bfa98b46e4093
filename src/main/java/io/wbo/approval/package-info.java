/**
 * X-3 work orders (工單系統): a generic maker-checker module. Owning modules register work-order types, open work
 * orders with the proposed change, and apply it when {@link io.wbo.approval.WorkOrderDecided} says APPROVED. Policies
 * (on/off, levels, permission per level) are stored in the database and edited by an admin. Four-eyes: the maker never
 * approves; nobody decides two levels of the same work order.
 */
@NullMarked
package io.wbo.approval;

import org.jspecify.annotations.NullMarked;
