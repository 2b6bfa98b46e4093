package io.wbo.withdrawal.internal;

/** Payout channels (通路): FPS 轉數快, CHATS, RTGS, telegraphic transfer, local transfer, cheque 支票. */
enum Channel {
	FPS, CHATS, RTGS, TT, LOCAL_TRANSFER, CHEQUE
}
