/** Records both platforms' states keep, in their own file so that the Taobao state needs nothing from `state.ts`, which holds it. */

/** One shipment of an order, with the sub-items it carries and its tracking events. */
export interface Parcel {
	logisticsId: string;
	companyCode: string;
	companyName: string;
	trackingNo: string;
	subItemIds: bigint[];
	shippedAt: number;
	events: Array<{ at: number; text: string }>;
}

/** A state change the API would push as a message callback (sandbox/callbacks.ts sends them). */
export interface SandboxEvent {
	type: 'create' | 'pay' | 'ship' | 'partialShip' | 'priceChange' | 'cancel' | 'refund' | 'confirm';
	platform: '1688' | 'taobao';
	orderId: string;
	at: number;
	detail?: Record<string, unknown>;
}
