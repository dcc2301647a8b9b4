import type { EndpointKey } from '../../nodes/shared/catalogue';
import { AFTER_SALES } from './afterSales';
import { CART_1688 } from './cart1688';
import type { Handler } from './common';
import { LOGISTICS } from './logistics';
import { ORDER_1688 } from './order1688';
import { PRODUCT } from './product';
import { TAOBAO } from './taobao';

/** Every endpoint's business logic, merged from one file per area. */
export const HANDLERS: Partial<Record<EndpointKey, Handler>> = {
	...CART_1688,
	...ORDER_1688,
	...PRODUCT,
	...TAOBAO,
	...AFTER_SALES,
	...LOGISTICS,
};
