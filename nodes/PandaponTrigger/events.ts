import type { INodePropertyOptions } from 'n8n-workflow';

/** "Trigger On" entries: one per kind of order message, for both platforms. */
export const TRIGGER_EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All Events', value: '*', description: 'Every message, including message types this node does not know yet' },
	{ name: 'Order Closed', value: 'closed', description: 'The order was cancelled or closed' },
	{ name: 'Order Created', value: 'created' },
	{ name: 'Order Paid', value: 'paid' },
	{ name: 'Order Partly Shipped', value: 'partlyShipped', description: 'Some lines left in a parcel; more will follow' },
	{ name: 'Order Price Modified', value: 'priceModified', description: 'The seller changed the price (documented for both platforms)' },
	{ name: 'Order Receipt Confirmed', value: 'confirmed' },
	{ name: 'Order Shipped', value: 'shipped', description: 'Everything has been shipped' },
	{ name: 'Order Status Changed', value: 'statusChanged', description: 'Any status change: created, paid, shipped, closed, confirmed' },
	{ name: 'Refund', value: 'refund', description: 'A refund or return changed' },
];

/** The trigger's canvas subtitle, e.g. "Order Paid, Order Shipped": the chosen events by name. */
export const TRIGGER_SUBTITLE = `={{ $parameter["events"].map((e) => (${JSON.stringify(
	Object.fromEntries(TRIGGER_EVENT_OPTIONS.map((o) => [o.value, o.name])),
)})[e] ?? e).join(", ") }}`;
