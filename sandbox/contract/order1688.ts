import { z } from 'zod';

import { stringId } from './common';
import type { AreaContract } from './common';

export const ORDER_1688: AreaContract = {
	order1688Detail: {
		body: z.object({ webSite: z.literal('1688'), orderId: stringId }).strict(),
	},
};
