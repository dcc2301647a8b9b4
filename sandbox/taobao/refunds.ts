/** Taobao reverse orders (refunds/returns) of the sandbox; filled by the Taobao after-sales handlers. */
export class TaobaoRefunds {
	readonly refunds = new Map<string, unknown>();
}
