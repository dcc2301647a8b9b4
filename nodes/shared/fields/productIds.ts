import type { INodeProperties } from 'n8n-workflow';

import { locatorField } from './locator';

/**
 * The product ids of Product and Cart: typed as an ID or pasted as the product page's link. Neither
 * API lists products without a search text, so there is no From List mode.
 */

/** A 1688 offer (read it with readLocatorId(…, '1688Offer')). */
export const offerIdField: INodeProperties = locatorField({
	displayName: 'Offer ID',
	name: 'offerId',
	example: '624981234567',
	link: '1688Offer',
	description: 'The 1688 product (offer): its ID, or its page link detail.1688.com/offer/&lt;ID&gt;.html',
});

/** A Taobao or Tmall item (read it with readLocatorId(…, 'taobaoItem')). */
export const itemIdField: INodeProperties = locatorField({
	displayName: 'Item ID',
	name: 'itemId',
	example: '681234567890',
	link: 'taobaoItem',
	description: 'The Taobao or Tmall item: its ID, or its page link (item.taobao.com or detail.tmall.com item.htm?id=&lt;ID&gt;)',
});
