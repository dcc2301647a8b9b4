import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';

/**
 * Pandapon's published docs name the signed headers but not the formula, so the rule is data: a
 * template, a digest and an output case. The defaults are the rule the package assumes (README,
 * *Where Pandapon's pages are silent*); the credential lets users change them without a new release
 * if Pandapon's real rule turns out to differ.
 */
export type SigningDigest = 'md5' | 'sha256' | 'hmacMd5' | 'hmacSha256';
export type SignatureCase = 'upper' | 'lower';

export interface SigningRule {
	template: string;
	digest: SigningDigest;
	signatureCase: SignatureCase;
}

export const DEFAULT_SIGNING_TEMPLATE =
	'access-key={accessKey}&nonce-str={nonce}&timestamp={timestamp}&key={secret}';

export const DEFAULT_SIGNING_RULE: SigningRule = {
	template: DEFAULT_SIGNING_TEMPLATE,
	digest: 'md5',
	signatureCase: 'upper',
};

export const SIGNING_PLACEHOLDERS = [
	'accessKey',
	'nonce',
	'timestamp',
	'userId',
	'method',
	'path',
	'body',
	'secret',
] as const;

export type SigningPlaceholder = (typeof SIGNING_PLACEHOLDERS)[number];
export type SigningInput = Record<SigningPlaceholder, string>;

const PLACEHOLDER_PATTERN = /\{(accessKey|nonce|timestamp|userId|method|path|body|secret)\}/g;

/** Digests keyed with the secret: they hold without `{secret}` in the template. */
const KEYED_DIGESTS: ReadonlySet<SigningDigest> = new Set(['hmacMd5', 'hmacSha256']);

/**
 * Why a signing rule is unsafe, or undefined when it is sound. Without `{nonce}` and `{timestamp}`
 * a signature never expires and replays forever; a plain digest without `{secret}` can be computed
 * by anyone who sees the headers, so it would let forged callbacks through a required check.
 */
export function signingRuleProblem(rule: SigningRule): string | undefined {
	const missing = ['nonce', 'timestamp'].filter((name) => !rule.template.includes(`{${name}}`));
	if (!KEYED_DIGESTS.has(rule.digest) && !rule.template.includes('{secret}')) missing.push('secret');
	if (missing.length === 0) return undefined;
	return `The custom signing template must contain ${missing.map((name) => `{${name}}`).join(', ')}: ${
		missing.includes('secret') ? 'without {secret} an MD5 or SHA-256 signature can be made by anyone (HMAC digests are keyed with the secret and may omit it)' : 'without them a signature could be replayed forever'
	}`;
}

/** The exact string that is digested; a single pass so a value containing "{secret}" is never expanded. */
export function signingString(template: string, input: SigningInput): string {
	return template.replace(PLACEHOLDER_PATTERN, (_match, name: SigningPlaceholder) => input[name]);
}

export function computeSignature(rule: SigningRule, input: SigningInput): string {
	const text = signingString(rule.template, input);
	let hex: string;
	switch (rule.digest) {
		case 'md5':
			hex = createHash('md5').update(text, 'utf8').digest('hex');
			break;
		case 'sha256':
			hex = createHash('sha256').update(text, 'utf8').digest('hex');
			break;
		case 'hmacMd5':
			hex = createHmac('md5', input.secret).update(text, 'utf8').digest('hex');
			break;
		case 'hmacSha256':
			hex = createHmac('sha256', input.secret).update(text, 'utf8').digest('hex');
			break;
		default:
			throw new Error(`Unknown signing digest "${String(rule.digest)}"`);
	}
	return rule.signatureCase === 'lower' ? hex : hex.toUpperCase();
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random bytes are fetched a few KiB at a time: one system call per nonce would cost more than the MD5. */
const pool = { bytes: Buffer.alloc(0), at: 0 };

function randomByte(): number {
	if (pool.at >= pool.bytes.length) {
		pool.bytes = randomBytes(4096);
		pool.at = 0;
	}
	return pool.bytes[pool.at++];
}

/** 32 random alphanumerics, as the dev manual asks for `nonce-str`. */
export function randomNonce(length = 32): string {
	let out = '';
	while (out.length < length) {
		const byte = randomByte();
		// Rejection sampling keeps every character equally likely (248 = 4 × 62).
		if (byte < 248) out += NONCE_ALPHABET[byte % 62];
	}
	return out;
}

export interface SigningCredentials {
	accessKey: string;
	accessSecret: string;
	userId: string;
	rule: SigningRule;
}

export interface RequestToSign {
	method: string;
	path: string;
	body: string;
	nonce?: string;
	timestamp?: string;
}

export type SignedHeaders = {
	'access-key': string;
	'nonce-str': string;
	timestamp: string;
	'user-id': string;
	signature: string;
};

/** The five system headers for one request; `nonce` and `timestamp` are injectable for golden vectors. */
export function signedHeaders(credentials: SigningCredentials, request: RequestToSign): SignedHeaders {
	const nonce = request.nonce ?? randomNonce();
	const timestamp = request.timestamp ?? String(Date.now());
	const signature = computeSignature(credentials.rule, {
		accessKey: credentials.accessKey,
		nonce,
		timestamp,
		userId: credentials.userId,
		method: request.method.toUpperCase(),
		path: request.path,
		body: request.body,
		secret: credentials.accessSecret,
	});
	return {
		'access-key': credentials.accessKey,
		'nonce-str': nonce,
		timestamp,
		'user-id': credentials.userId,
		signature,
	};
}

/** Constant-time comparison of two signatures; a length mismatch is a mismatch, not an exception. */
export function signaturesEqual(expected: string, received: string): boolean {
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(received, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/** Milliseconds (13 digits) or seconds (10 digits) since the epoch, as `timestamp` headers carry. */
export function parseTimestamp(value: string): number | undefined {
	if (!/^\d{10}(\d{3})?$/.test(value)) return undefined;
	const n = Number(value);
	return value.length === 10 ? n * 1000 : n;
}

export type VerifyFailure =
	| 'missingHeaders'
	| 'badTimestamp'
	| 'staleTimestamp'
	| 'wrongAccessKey'
	| 'wrongUserId'
	| 'badSignature';

export interface VerifyInput {
	headers: Record<string, string | string[] | undefined>;
	method: string;
	path: string;
	body: string;
	secret: string;
	rule: SigningRule;
	now: number;
	windowMs: number;
	/** The access key the call must carry (the trigger's credential); any key when left out (the sandbox serves many). */
	accessKey?: string;
	/** The user id the call must carry, when the credential has one. */
	userId?: string;
}

function header(headers: VerifyInput['headers'], name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * Checks a signed request the way the API would: all headers present, timestamp within the
 * window, signature equal in constant time. Shared by the sandbox and the trigger.
 */
export function verifySignedRequest(input: VerifyInput): { ok: true } | { ok: false; reason: VerifyFailure } {
	const accessKey = header(input.headers, 'access-key');
	const nonce = header(input.headers, 'nonce-str');
	const timestamp = header(input.headers, 'timestamp');
	const signature = header(input.headers, 'signature');
	if (!accessKey || !nonce || !timestamp || !signature) return { ok: false, reason: 'missingHeaders' };
	// Another key's valid signature proves nothing about this account, whatever the secret check says.
	if (input.accessKey !== undefined && !signaturesEqual(input.accessKey, accessKey)) return { ok: false, reason: 'wrongAccessKey' };
	if (input.userId && !signaturesEqual(input.userId, header(input.headers, 'user-id') ?? '')) return { ok: false, reason: 'wrongUserId' };
	const at = parseTimestamp(timestamp);
	if (at === undefined) return { ok: false, reason: 'badTimestamp' };
	if (Math.abs(input.now - at) > input.windowMs) return { ok: false, reason: 'staleTimestamp' };
	const expected = computeSignature(input.rule, {
		accessKey,
		nonce,
		timestamp,
		userId: header(input.headers, 'user-id') ?? '',
		method: input.method.toUpperCase(),
		path: input.path,
		body: input.body,
		secret: input.secret,
	});
	return signaturesEqual(expected, signature) ? { ok: true } : { ok: false, reason: 'badSignature' };
}
