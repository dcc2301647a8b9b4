import { z } from 'zod';

import type { EndpointKey } from '../../nodes/shared/catalogue';


/**
 * The API contract: one schema per catalogue entry, for the request the node must send. The
 * sandbox refuses anything that does not parse; the contract tests check every request the nodes
 * sent against the same schemas. Bodies are parsed with big integers as bigint, so an id the API
 * types as integer must arrive as a bare JSON integer, never as a quoted string or a rounded float.
 */

/** An integer id as the wire carries it: a safe JS integer or a bigint (from a bare 16+ digit literal). */
export const integerId = z.union([z.number().int().nonnegative(), z.bigint().nonnegative()]);

/** An id the API types as string: digits only. */
export const stringId = z.string().regex(/^\d{1,19}$/, 'must be the digits of an id');

const fastAddress = z
	.object({
		fullName: z.string().min(1).max(200),
		mobile: z.string().max(200).optional(),
		phone: z.string().max(200).optional(),
		postCode: z.string().max(200).optional(),
		cityText: z.string().min(1).max(200),
		provinceText: z.string().min(1).max(200),
		areaText: z.string().max(200).optional(),
		townText: z.string().max(200).optional(),
		address: z.string().min(1).max(200),
	})
	.strict();

const reachable = { message: 'mobile or phone is required' };

/** FastAdress as the cart pages publish it (doc-en/api-263477662, doc/api-250313128), with `districtCode`. */
export const addressParam = fastAddress
	.extend({ districtCode: z.string().max(200).optional() })
	.strict()
	.refine((a) => Boolean(a.mobile || a.phone), reachable);

/** FastAdress as the v1 order pages publish it (doc-vnm/api-250496568, doc-en/api-263477644): no `districtCode`. */
export const orderAddressParam = fastAddress.refine((a) => Boolean(a.mobile || a.phone), reachable);

export const positiveQuantity = z.number().int().positive().max(1_000_000);
export const optionalText = (max: number) => z.string().max(max).optional();

/** Query strings arrive as text; a GET without parameters sends an empty object. */
export const noQuery = z.object({}).strict();

export interface EndpointContract {
	/** The `{name}` segments of the path. */
	path?: z.ZodTypeAny;
	body?: z.ZodTypeAny;
	query?: z.ZodTypeAny;
}

export type AreaContract = Partial<Record<EndpointKey, EndpointContract>>;
