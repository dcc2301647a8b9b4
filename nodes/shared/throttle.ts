import { sleep } from 'n8n-workflow';

/**
 * How many of a node's requests may be in flight, adapted to Pandapon's rate limit: a 429 halves
 * the limit and pauses every request of the node until the time the API asked for; a run of
 * successes raises it again, one step at a time, up to what the user set (additive increase,
 * multiplicative decrease). One throttle serves one node execution.
 */
export class Throttle {
	private active = 0;
	private successes = 0;
	private pauseUntil = 0;
	private readonly waiters: Array<() => void> = [];
	limit: number;

	constructor(readonly max: number) {
		this.limit = max;
	}

	/** Waits for a free place under the current limit. */
	async acquire(): Promise<void> {
		while (this.active >= this.limit) await new Promise<void>((resolve) => this.waiters.push(resolve));
		this.active++;
	}

	release(): void {
		this.active--;
		this.waiters.shift()?.();
	}

	/** Waits while the node is paused after a rate limit. */
	async gate(): Promise<void> {
		const wait = this.pauseUntil - Date.now();
		if (wait > 0) await sleep(wait);
	}

	rateLimited(delayMs: number): void {
		this.pauseUntil = Math.max(this.pauseUntil, Date.now() + delayMs);
		this.limit = Math.max(1, Math.floor(this.limit / 2));
		this.successes = 0;
	}

	succeeded(): void {
		if (this.limit >= this.max) return;
		if (++this.successes >= this.limit * 4) {
			this.limit++;
			this.successes = 0;
			// Woken waiters re-check the limit, so waking them all cannot overshoot it.
			for (const resolve of this.waiters.splice(0)) resolve();
		}
	}
}

const throttles = new WeakMap<object, Throttle>();

/** The throttle of one node execution (its context object), created with the user's concurrency. */
export function throttleFor(ctx: object, max = 1): Throttle {
	let throttle = throttles.get(ctx);
	if (!throttle) {
		throttle = new Throttle(max);
		throttles.set(ctx, throttle);
	}
	return throttle;
}
