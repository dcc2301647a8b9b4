import { searchOrders1688 } from '../../shared/fields/orderId';

/** The From List methods of this node's resource locators: its Order IDs are 1688 orders. */
export const listSearch = { searchOrders1688 };
