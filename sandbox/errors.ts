/**
 * The sandbox's refusals and its own error codes (Pandapon's are not published; the table is in
 * sandbox/README.md). Their own file because every part of the sandbox throws them, including the
 * parts `state.ts` is built from.
 */
/** A business refusal, answered as an envelope with the sandbox's own code (see sandbox/README.md). */
export class SandboxError extends Error {
	constructor(
		readonly httpStatus: number,
		readonly code: number,
		message: string,
	) {
		super(message);
	}
}

export const CODES = {
	ok: 200,
	invalidRequest: 4000,
	missingHeaders: 4001,
	unknownAccessKey: 4010,
	badSignature: 4030,
	notFound: 4040,
	unknownPath: 4041,
	conflict: 4090,
	staleTimestamp: 4120,
	nonceReused: 4121,
	rateLimited: 4290,
	internal: 5000,
	injected: 5001,
	notImplemented: 5010,
} as const;
