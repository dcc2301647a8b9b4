import { orderIdField as sharedOrderIdField } from '../../../shared/fields/orderId';

/** The order ID parameter of the operations that act on one Taobao order. */
export const orderIdField = sharedOrderIdField('taobao');
