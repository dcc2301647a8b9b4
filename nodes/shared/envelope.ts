import { parseJsonBig } from './bigJson';

/** What Pandapon said when a call did not succeed (see readEnvelope for what success needs). */
export interface PandaponFailure {
	/** 0 when no HTTP answer arrived (timeout, reset, refused). */
	httpStatus: number;
	code?: string;
	msg?: string;
	requestId?: string;
	errorCode?: string;
	errorInfo?: string;
	/** True when the answer was a Pandapon envelope; false for HTML pages, empty or broken bodies. */
	fromApi: boolean;
}

export type EnvelopeResult =
	| { ok: true; data: unknown; requestId?: string }
	| { ok: false; failure: PandaponFailure };

function text(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return typeof value === 'string' ? value : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A readable excerpt of a non-JSON body (e.g. a gateway's HTML error page), without markup. */
export function bodyExcerpt(body: string, max = 160): string {
	const plain = body
		.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return plain.length > max ? `${plain.slice(0, max)}…` : plain;
}

/**
 * Reads one HTTP answer. Success needs HTTP 2xx, envelope `code` 200 and no nested
 * `data.success === false`; anything else is a failure carrying Pandapon's fields.
 */
export function readEnvelope(httpStatus: number, body: string): EnvelopeResult {
	let parsed: unknown;
	try {
		parsed = body.trim() === '' ? undefined : parseJsonBig(body);
	} catch {
		parsed = undefined;
	}
	if (!isRecord(parsed) || !('code' in parsed)) {
		return {
			ok: false,
			failure: {
				httpStatus,
				msg:
					body.trim() === ''
						? `Pandapon answered HTTP ${httpStatus} with an empty body`
						: `Pandapon answered HTTP ${httpStatus} with something that is not its JSON envelope: ${bodyExcerpt(body)}`,
				fromApi: false,
			},
		};
	}
	const code = text(parsed.code);
	const requestId = text(parsed.requestId);
	const data = parsed.data;
	const nested = isRecord(data) && data.success === false ? data : undefined;
	if (httpStatus >= 200 && httpStatus < 300 && code === '200' && !nested) {
		return { ok: true, data, requestId };
	}
	return {
		ok: false,
		failure: {
			httpStatus,
			code,
			// A nested refusal comes inside an envelope that says 成功 (success): its own text is the message.
			msg: nested ? (text(nested.errorInfo) ?? text(nested.errorMsg) ?? text(parsed.msg)) : text(parsed.msg),
			requestId,
			errorCode: text(nested?.errorCode),
			errorInfo: text(nested?.errorInfo) ?? text(nested?.errorMsg),
			fromApi: true,
		},
	};
}
