import { CODES, orderDetail, SandboxError } from '../state';
import type { AreaHandlers } from './common';

export const ORDER_1688: AreaHandlers = {
	order1688Detail: ({ body, state }) => {
		if (body.webSite !== '1688') throw new SandboxError(200, CODES.invalidRequest, 'webSite must be 1688');
		return orderDetail(state.order(body.orderId as string));
	},
};
